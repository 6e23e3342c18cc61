package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document shows each operation's real answers (201 with Location, 204, and the
 * problem+json errors its access rule and its shape allow), and declares sign-in through Keycloak;
 * the OpenAPI UI at /openapi/ui signs in with the authorization code flow and PKCE as the public
 * client regulus-api-explorer, whose token the API accepts.
 */
class OpenApiDocumentIT {

  private static final String ISSUER = KeycloakClient.URL + "/realms/regulus";
  private static final String CLIENT = "regulus-api-explorer";
  private static final String REDIRECT = Api.BASE_URL + "/openapi/ui/oauth2-redirect.html";

  private static JsonPath document;

  @BeforeAll
  static void readTheDocument() {
    document =
        RestAssured.given()
            .accept("application/json")
            .get(Api.BASE_URL + "/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
  }

  private static Map<String, Object> responses(String verb, String path) {
    Map<String, Object> responses =
        document.getMap("paths.'/api/v1" + path + "'." + verb + ".responses");
    assertThat(responses).as(verb + " " + path).isNotNull();
    return responses;
  }

  @Test
  void operationsShowTheirRealStatuses() {
    assertThat(responses("post", "/tenants/{tenant}/assessment-groups"))
        .containsKeys("201", "400", "401", "403", "404", "409", "413", "415", "422", "429")
        .doesNotContainKey("200");
    assertThat(responses("delete", "/tenants/{tenant}/assessments/{id}"))
        .containsKeys("204", "401", "403", "404", "409", "429")
        .doesNotContainKeys("200", "201");
    assertThat(responses("patch", "/tenants/{tenant}/actions/{id}"))
        .containsKeys("200", "400", "404", "412", "422", "428");
    assertThat(responses("post", "/platform/tenants"))
        .containsKeys("201", "200", "403", "422")
        .doesNotContainKey("404");
    assertThat(responses("get", "/me")).containsOnlyKeys("200", "401", "429");
    assertThat(responses("get", "/tenants/{tenant}/actions")).containsKeys("200", "400", "404");
  }

  @Test
  void errorsAreProblemsOfTheirTypeAndACreatedItemHasALocation() {
    String created = "paths.'/api/v1/tenants/{tenant}/assessment-groups'.post.responses";
    assertThat(document.getMap(created + ".'201'.headers")).containsKey("Location");
    assertThat(document.getString(created + ".'201'.content.'application/json'.schema.'$ref'"))
        .endsWith("/AssessmentGroupView");
    assertThat(document.getString(created + ".'403'.description"))
        .contains("urn:regulus:problem:forbidden");
    assertThat(
            document.getString(created + ".'403'.content.'application/problem+json'.schema.'$ref'"))
        .isEqualTo("#/components/schemas/Problem");
    assertThat(document.getString(created + ".'429'.description"))
        .contains("urn:regulus:problem:too-many-requests");
    assertThat(document.getMap(created + ".'429'.headers")).containsKey("Retry-After");
    assertThat(document.getMap("components.schemas.Problem.properties"))
        .containsKeys("type", "title", "status", "detail", "instance", "errors");
  }

  @Test
  void theDocumentDeclaresSignInThroughTheConfiguredIssuer() {
    String scheme = "components.securitySchemes.keycloak";
    assertThat(document.getString(scheme + ".type")).isEqualTo("oauth2");
    assertThat(document.getString(scheme + ".flows.authorizationCode.authorizationUrl"))
        .isEqualTo(ISSUER + "/protocol/openid-connect/auth");
    assertThat(document.getString(scheme + ".flows.authorizationCode.tokenUrl"))
        .isEqualTo(ISSUER + "/protocol/openid-connect/token");
    assertThat(document.getList("security").toString()).contains("keycloak", "bearer");
  }

  @Test
  void theUiSignsInWithPkceAndTheApiAcceptsItsToken() throws Exception {
    String page =
        RestAssured.get(Api.BASE_URL + "/openapi/ui/").then().statusCode(200).extract().asString();
    assertThat(page).contains("swagger-ui-bundle.js", "regulus-sign-in.js");
    assertThat(RestAssured.get(Api.BASE_URL + "/openapi/ui/regulus-sign-in.js").asString())
        .contains("clientId: \"" + CLIENT + "\"", "usePkceWithAuthorizationCodeGrant: true");
    RestAssured.get(REDIRECT).then().statusCode(200);

    // what the UI's Authorize button does: Keycloak's login page with a code challenge ...
    String verifier =
        Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    Browser browser = new Browser();
    HttpResponse<String> back =
        browser.signIn(
            authorize(Map.of("code_challenge", challenge, "code_challenge_method", "S256")),
            "alice");
    assertThat(back.uri().toString()).as(back.body()).startsWith(REDIRECT);
    assertThat(back.statusCode()).isEqualTo(200);
    String code = query(back.uri(), "code");

    // ... and the code, with the verifier, for a token the API accepts
    Response token =
        RestAssured.given()
            .formParam("grant_type", "authorization_code")
            .formParam("client_id", CLIENT)
            .formParam("code", code)
            .formParam("redirect_uri", REDIRECT)
            .formParam("code_verifier", verifier)
            .post(ISSUER + "/protocol/openid-connect/token");
    token.then().statusCode(200);
    Api.as(token.path("access_token"))
        .get("/me")
        .then()
        .statusCode(200)
        .body("username", org.hamcrest.Matchers.equalTo("alice"));
  }

  @Test
  void theUiClientRefusesASignInWithoutPkce() throws Exception {
    HttpResponse<String> refused = new Browser().get(authorize(Map.of()));
    assertThat(Browser.loginForm(refused.body())).as("no login form without PKCE").isNull();
    assertThat(refused.uri() + " " + refused.body()).contains("code_challenge");
  }

  private static String authorize(Map<String, String> extra) {
    Map<String, String> parameters =
        new java.util.HashMap<>(
            Map.of(
                "client_id",
                CLIENT,
                "response_type",
                "code",
                "redirect_uri",
                REDIRECT,
                "scope",
                "openid",
                "state",
                UUID.randomUUID().toString()));
    parameters.putAll(extra);
    return ISSUER + "/protocol/openid-connect/auth?" + Browser.form(parameters);
  }

  private static String query(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(name + " not in " + uri);
  }
}
