package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
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
import org.junit.jupiter.api.Test;

/**
 * A browser's sign-in, as a plain HTTP client that keeps cookies and follows redirects: /app/me
 * sends it to Keycloak's own login page, the login form posts alice's credentials, Keycloak sends
 * it back through Liberty's OpenID Connect client, and the page shows the same user the API sees
 * with alice's bearer token. Signing out ends the Keycloak session too, so /app/me asks for a login
 * again.
 */
class BrowserSignInIT {

  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new LoopbackCookies())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void signedInPageShowsTheUserTheApiSees() throws Exception {
    String page = signIn("alice");

    JsonPath me =
        Api.as(KeycloakClient.token("alice"))
            .get("/me")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(text(page, "user-id")).isEqualTo(me.getString("subject"));
    assertThat(text(page, "username")).isEqualTo("alice");
    assertThat(me.getString("tenants.find { it.tenant == 'acme' }.role")).isEqualTo("admin");
    assertThat(page)
        .contains("<span class=\"tenant\">acme</span>: <span class=\"role\">admin</span>");
  }

  @Test
  void signingOutEndsTheKeycloakSessionToo() throws Exception {
    signIn("alice");
    assertThat(get("/app/me").body()).contains("id=\"user-id\"");

    HttpResponse<String> signedOut = get("/app/logout");

    assertThat(signedOut.statusCode()).isEqualTo(200);
    assertThat(loginForm(signedOut.body()))
        .as("Keycloak's login page after signing out")
        .isNotNull();
    HttpResponse<String> again = get("/app/me");
    assertThat(again.uri().toString()).startsWith(KeycloakClient.URL);
    assertThat(loginForm(again.body())).as("Keycloak asks for a login again").isNotNull();
  }

  /** Signs in through Keycloak's login page from /app/me; returns the page /app/me shows then. */
  private String signIn(String username) throws IOException, InterruptedException {
    HttpResponse<String> login = get("/app/me");
    assertThat(login.uri().toString()).as("redirected to Keycloak").startsWith(KeycloakClient.URL);
    String action = loginForm(login.body());
    assertThat(action).as("Keycloak's login form in:\n" + login.body()).isNotNull();

    HttpResponse<String> page =
        browser.send(
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

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.uri().toString()).isEqualTo(Api.BASE_URL + "/app/me");
    return page.body();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(URI.create(Api.BASE_URL + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String loginForm(String html) {
    Matcher form = LOGIN_FORM.matcher(html);
    return form.find() ? form.group(1).replace("&amp;", "&") : null;
  }

  private static String text(String html, String id) {
    Matcher element = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
    assertThat(element.find()).as("element #" + id + " in:\n" + html).isTrue();
    return element.group(1);
  }

  private static String form(Map<String, String> fields) {
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
