package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * The running Keycloak: tokens by password grant (as the README's curl line gets them), and the admin API for
 * test users and clients.
 */
final class KeycloakClient {

  static final String URL = System.getProperty("regulus.keycloak-url", "http://127.0.0.1:28080");
  static final String PASSWORD = "regulus-demo";
  private static final String REALM = "/realms/regulus";
  private static final String ADMIN = "/admin/realms/regulus";

  private KeycloakClient() {}

  /** An access token of a user, through the regulus-cli client. */
  static String token(String username) {
    return token(URL, "regulus-cli", username);
  }

  static String token(String baseUrl, String clientId, String username) {
    Response response =
        RestAssured.given()
            .formParam("grant_type", "password")
            .formParam("client_id", clientId)
            .formParam("username", username)
            .formParam("password", PASSWORD)
            .post(baseUrl + REALM + "/protocol/openid-connect/token");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response.path("access_token");
  }

  private static String adminToken() {
    return RestAssured.given()
        .formParam("grant_type", "password")
        .formParam("client_id", "admin-cli")
        .formParam("username", "admin")
        .formParam("password", "admin")
        .post(URL + "/realms/master/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return RestAssured.given().auth().oauth2(adminToken()).contentType(ContentType.JSON).baseUri(URL + ADMIN);
  }

  /** Creates a user holding {@code role} in {@code tenant} (group /tenants/tenant/role); returns the username. */
  static String createMember(String tenant, String role) {
    String groupId = groupId(tenant, role);
    String username = Api.unique(role);
    admin()
        .body(
            Map.of(
                "username", username, "enabled", true, "email", username + "@it.example", "emailVerified", true,
                "firstName", "Test", "lastName", role,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
        .post("/users")
        .then()
        .statusCode(201);
    String userId = admin().queryParam("username", username).queryParam("exact", true).get("/users").path("[0].id");
    admin().put("/users/" + userId + "/groups/" + groupId).then().statusCode(204);
    return username;
  }

  private static String groupId(String tenant, String role) {
    String tenants = admin().get("/group-by-path/tenants").then().statusCode(200).extract().path("id");
    String tenantGroup = childGroup(tenants, tenant);
    return childGroup(tenantGroup, role);
  }

  private static String childGroup(String parentId, String name) {
    Response existing = admin().queryParam("search", name).queryParam("exact", true).get("/groups/" + parentId + "/children");
    List<String> ids = existing.path("findAll { it.name == '" + name + "' }.id");
    if (!ids.isEmpty()) {
      return ids.get(0);
    }
    admin().body(Map.of("name", name)).post("/groups/" + parentId + "/children").then().statusCode(201);
    return childGroup(parentId, name);
  }

  /**
   * A public client whose access tokens live one second and carry the Regulus API audience, so a test can hold an
   * expired token that is otherwise valid.
   */
  static String shortLivedClient() {
    String clientId = Api.unique("it-short-lived");
    admin()
        .body(
            Map.of(
                "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", "1"),
                "protocolMappers",
                List.of(
                    Map.of(
                        "name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", "regulus-api", "access.token.claim", "true")))))
        .post("/clients")
        .then()
        .statusCode(201);
    return clientId;
  }
}
