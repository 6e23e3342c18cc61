package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as a plain HTTP client that keeps cookies and follows redirects, and signs in on
 * Keycloak's own login page wherever a page leads there.
 */
final class Browser {

  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  private final LoopbackCookies cookies = new LoopbackCookies();

  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Opens {@code url}, which leads to Keycloak's login page, and signs in there as {@code
   * username}; the page Keycloak sends the browser back to.
   */
  HttpResponse<String> signIn(String url, String username)
      throws IOException, InterruptedException {
    HttpResponse<String> login = get(url);
    assertThat(login.uri().toString()).as("redirected to Keycloak").startsWith(KeycloakClient.URL);
    String action = loginForm(login.body());
    assertThat(action).as("Keycloak's login form in:\n" + login.body()).isNotNull();
    return client.send(
        HttpRequest.newBuilder(URI.create(action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form(
                        Map.of(
                            "username",
                            username,
                            "password",
                            KeycloakClient.PASSWORD,
                            "credentialId",
                            ""))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The value of a cookie the browser keeps for Regulus, if it has one. */
  java.util.Optional<String> cookie(String name) {
    return cookies.cookies.getCookieStore().get(URI.create(Api.BASE_URL)).stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst();
  }

  /** Sets a cookie for Regulus as if the browser had it already (a planted session id). */
  void plant(String name, String value) {
    java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.cookies.getCookieStore().add(URI.create(Api.BASE_URL), cookie);
  }

  /** The action of Keycloak's login form in a page, or null when the page holds none. */
  static String loginForm(String html) {
    Matcher form = LOGIN_FORM.matcher(html);
    return form.find() ? form.group(1).replace("&amp;", "&") : null;
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * Cookies as a browser keeps them on loopback: Keycloak marks its session cookies Secure, which
   * browsers send to 127.0.0.1 over plain HTTP (a secure context) and the JDK's cookie manager
   * sends only over HTTPS.
   */
  private static final class LoopbackCookies extends CookieHandler {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders)
        throws IOException {
      return cookies.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
      Map<String, List<String>> insecure = new java.util.HashMap<>();
      responseHeaders.forEach(
          (name, values) ->
              insecure.put(
                  name,
                  name != null && name.equalsIgnoreCase("Set-Cookie")
                      ? values.stream()
                          .map(value -> value.replaceAll("(?i);\\s*Secure(?=;|$)", ""))
                          .toList()
                      : values));
      cookies.put(uri, insecure);
    }
  }
}
