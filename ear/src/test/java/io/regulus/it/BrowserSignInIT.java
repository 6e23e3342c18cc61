package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A browser's sign-in, as a plain HTTP client that keeps cookies and follows redirects: /app/me
 * sends it to Keycloak's own login page, the login form posts alice's credentials, Keycloak sends
 * it back through Liberty's OpenID Connect client, and the page shows the same user the API sees
 * with alice's bearer token. Signing out ends the Keycloak session too, so /app/me asks for a login
 * again.
 */
class BrowserSignInIT {

  private final Browser browser = new Browser();

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
    assertThat(Browser.loginForm(signedOut.body()))
        .as("Keycloak's login page after signing out")
        .isNotNull();
    HttpResponse<String> again = get("/app/me");
    assertThat(again.uri().toString()).startsWith(KeycloakClient.URL);
    assertThat(Browser.loginForm(again.body())).as("Keycloak asks for a login again").isNotNull();
  }

  /** Signs in through Keycloak's login page from /app/me; returns the page /app/me shows then. */
  private String signIn(String username) throws IOException, InterruptedException {
    HttpResponse<String> page = browser.signIn(Api.BASE_URL + "/app/me", username);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.uri().toString()).isEqualTo(Api.BASE_URL + "/app/me");
    return page.body();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.get(Api.BASE_URL + path);
  }

  private static String text(String html, String id) {
    Matcher element = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
    assertThat(element.find()).as("element #" + id + " in:\n" + html).isTrue();
    return element.group(1);
  }
}
