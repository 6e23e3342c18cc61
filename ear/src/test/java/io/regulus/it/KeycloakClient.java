package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * The running Keycloak: tokens by password grant (as the README's curl line gets them), and the
 * admin API for test users and clients.
 */
public final class KeycloakClient {

  public static final String URL =
      System.getProperty("regulus.keycloak-url", "http://127.0.0.1:28080");
  public static final String PASSWORD = "regulus-demo";
  private static final String REALM = "/realms/regulus";
  private static final String ADMIN = "/admin/realms/regulus";

  private KeycloakClient() {}

  /** An access token of a user, through the regulus-cli client. */
  public static String token(String username) {
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

  /**
   * Every token a password grant gives (access, ID with scope openid, refresh), in any realm of the
   * server.
   */
  static Response tokenOfRealm(String realm, String clientId, String username, String password) {
    Response response =
        RestAssured.given()
            .formParam("grant_type", "password")
            .formParam("client_id", clientId)
            .formParam("username", username)
            .formParam("password", password)
            .formParam("scope", "openid")
            .post(URL + "/realms/" + realm + "/protocol/openid-connect/token");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response;
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

  private static String cachedAdminToken;
  private static long cachedUntil;

  /** The master admin's token, reused for 30 seconds (it lives 60). */
  private static synchronized String cachedAdminToken() {
    if (cachedAdminToken == null || System.currentTimeMillis() > cachedUntil) {
      cachedAdminToken = adminToken();
      cachedUntil = System.currentTimeMillis() + 30_000;
    }
    return cachedAdminToken;
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return RestAssured.given()
        .auth()
        .oauth2(cachedAdminToken())
        .contentType(ContentType.JSON)
        .baseUri(URL + ADMIN);
  }

  /**
   * Creates a user holding {@code role} in {@code tenant} (group /tenants/tenant/role); returns the
   * username.
   */
  public static String createMember(String tenant, String role) {
    return createUser(role, "/tenants/" + tenant + "/" + role);
  }

  /**
   * Creates a user (password {@link #PASSWORD}) in the given groups, created when missing; returns
   * the username.
   */
  public static String createUser(String prefix, String... groupPaths) {
    String username = Api.unique(prefix);
    admin()
        .body(
            Map.of(
                "username",
                username,
                "enabled",
                true,
                "email",
                username + "@it.example",
                "emailVerified",
                true,
                "firstName",
                "Test",
                "lastName",
                prefix,
                "credentials",
                List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
        .post("/users")
        .then()
        .statusCode(201);
    String userId = userId(username);
    for (String path : groupPaths) {
      join(userId, path);
    }
    return username;
  }

  public static String userId(String username) {
    return admin()
        .queryParam("username", username)
        .queryParam("exact", true)
        .get("/users")
        .path("[0].id");
  }

  /**
   * Lets an invited user log in: sets their password and name and clears the actions they were
   * asked to take (what the set-up mail's link does).
   */
  static void activate(String userId) {
    admin()
        .body(
            Map.of(
                "requiredActions",
                List.of(),
                "emailVerified",
                true,
                "firstName",
                "Invited",
                "lastName",
                "Person"))
        .put("/users/" + userId)
        .then()
        .statusCode(204);
    admin()
        .body(Map.of("type", "password", "value", PASSWORD, "temporary", false))
        .put("/users/" + userId + "/reset-password")
        .then()
        .statusCode(204);
  }

  /** Puts the user into the group at {@code path}, created when missing. */
  public static void join(String userId, String path) {
    admin().put("/users/" + userId + "/groups/" + ensureGroup(path)).then().statusCode(204);
  }

  /** Takes the user out of the group at {@code path}, if they are in it. */
  static void leave(String userId, String path) {
    if (groupExists(path)) {
      admin().delete("/users/" + userId + "/groups/" + ensureGroup(path)).then().statusCode(204);
    }
  }

  /** The paths of the groups the user is in. */
  static List<String> groupsOf(String userId) {
    return admin()
        .get("/users/" + userId + "/groups")
        .then()
        .statusCode(200)
        .extract()
        .path("path");
  }

  static boolean groupExists(String path) {
    return admin().get("/group-by-path" + path).statusCode() == 200;
  }

  /** The id of the group at {@code path}, creating it and its parents when missing. */
  static String ensureGroup(String path) {
    Response existing = admin().get("/group-by-path" + path);
    if (existing.statusCode() == 200) {
      return existing.path("id");
    }
    int split = path.lastIndexOf('/');
    String name = path.substring(split + 1);
    if (split == 0) {
      admin()
          .body(Map.of("name", name))
          .post("/groups")
          .then()
          .statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    } else {
      String parent = ensureGroup(path.substring(0, split));
      admin()
          .body(Map.of("name", name))
          .post("/groups/" + parent + "/children")
          .then()
          .statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    }
    return admin().get("/group-by-path" + path).then().statusCode(200).extract().path("id");
  }

  /**
   * A public client whose ID tokens also carry the Regulus API audience: its ID tokens pass every
   * check of a signed token (realm key, issuer, audience, expiry), so only their type can refuse
   * them.
   */
  static String clientWithApiAudienceInIdTokens() {
    return publicClient("it-id-audience", Map.of(), Map.of("id.token.claim", "true"));
  }

  /**
   * A public client whose access tokens live two seconds and carry the Regulus API audience, so a
   * test can hold an expired token that is otherwise valid. Keycloak counts whole seconds (exp =
   * iat + 2, iat rounded down), so such a token is valid for at least one second after it is issued
   * and expired two seconds after.
   */
  static String shortLivedClient() {
    return publicClient(
        "it-short-lived", Map.of("access.token.lifespan", "2"), Map.of("id.token.claim", "false"));
  }

  /**
   * A new public client of the realm with the password grant, whose access tokens carry the Regulus
   * API audience; {@code attributes} and {@code audience} (more of the audience mapper's config)
   * make it the one a test needs. Returns its client id.
   */
  private static String publicClient(
      String prefix, Map<String, String> attributes, Map<String, String> audience) {
    String clientId = Api.unique(prefix);
    Map<String, String> mapper = new java.util.HashMap<>(audience);
    mapper.put("included.custom.audience", "regulus-api");
    mapper.put("access.token.claim", "true");
    admin()
        .body(
            Map.of(
                "clientId",
                clientId,
                "publicClient",
                true,
                "directAccessGrantsEnabled",
                true,
                "standardFlowEnabled",
                false,
                "attributes",
                attributes,
                "protocolMappers",
                List.of(
                    Map.of(
                        "name",
                        "audience",
                        "protocol",
                        "openid-connect",
                        "protocolMapper",
                        "oidc-audience-mapper",
                        "config",
                        mapper))))
        .post("/clients")
        .then()
        .statusCode(201);
    return clientId;
  }
}
