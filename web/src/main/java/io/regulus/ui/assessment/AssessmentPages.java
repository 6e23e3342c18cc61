package io.regulus.ui.assessment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The assessments pages' addresses, as navigation outcomes (a redirect each). */
final class AssessmentPages {

  private AssessmentPages() {}

  static String list(String tenant) {
    return "/app/assessments.xhtml?faces-redirect=true&tenant=" + encode(tenant);
  }

  static String detail(String tenant, long id) {
    return "/app/assessment.xhtml?faces-redirect=true&tenant=" + encode(tenant) + "&id=" + id;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
