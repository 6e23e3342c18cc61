package io.regulus.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The addresses of the pages other pages lead to, as navigation outcomes (a redirect each). */
public final class Pages {

  private Pages() {}

  /** A tenant's dashboard. */
  public static String dashboard(String tenant) {
    return "/app/dashboard.xhtml?faces-redirect=true&tenant=" + encode(tenant);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
