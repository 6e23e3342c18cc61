package io.regulus.stack;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * Gives the local run's demo tenant acme something to look at, through the API as its admin alice:
 * a group FY2027 with a GDPR and a HIPAA assessment, and a few actions implemented and passed, so
 * the dashboard shows a score. Done once: a tenant that already has a group is left as it is.
 *
 * <p>The assessments are built from the first published versions of both templates, so the
 * library's newer versions show as pending template updates (the update flow in the demo).
 */
final class DemoContent {

  static final String FIRST_GDPR = "2016-679.1";
  static final String FIRST_HIPAA = "2013-omnibus.1";

  private static final List<String> DONE =
      List.of(
          "mfa-for-administrators",
          "encrypt-data-in-transit",
          "information-security-policy",
          "automated-backups",
          "security-awareness-training",
          "personal-data-inventory",
          "role-based-access-control",
          "patch-management");

  private DemoContent() {}

  static void load(String api, String keycloak) {
    String token =
        RestAssured.given()
            .contentType(ContentType.URLENC)
            .formParams(
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    "regulus-cli",
                    "username",
                    "alice",
                    "password",
                    "regulus-demo"))
            .post(keycloak + "/realms/regulus/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    String tenant = api + "/api/v1/tenants/acme";
    if (!as(token)
        .get(tenant + "/assessment-groups")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("")
        .isEmpty()) {
      return;
    }
    int group =
        as(token)
            .body(Map.of("name", "FY2027", "description", "This fiscal year's programme"))
            .post(tenant + "/assessment-groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(token)
        .body(
            Map.of(
                "name",
                "GDPR",
                "template",
                "gdpr",
                "version",
                FIRST_GDPR,
                "scope",
                "PRODUCT",
                "scopeName",
                "Customer portal"))
        .post(tenant + "/assessment-groups/" + group + "/assessments")
        .then()
        .statusCode(201);
    as(token)
        .body(
            Map.of(
                "name",
                "HIPAA",
                "template",
                "hipaa-security",
                "version",
                FIRST_HIPAA,
                "scope",
                "SYSTEM",
                "scopeName",
                "Claims processing"))
        .post(tenant + "/assessment-groups/" + group + "/assessments")
        .then()
        .statusCode(201);
    List<Map<String, Object>> actions =
        as(token)
            .queryParam("size", 500)
            .get(tenant + "/actions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    for (Map<String, Object> action : actions) {
      if (DONE.contains((String) action.get("key"))) {
        String url = tenant + "/actions/" + action.get("id");
        String etag =
            as(token)
                .header("If-Match", "\"" + action.get("version") + "\"")
                .body(Map.of("implementationStatus", "IMPLEMENTED"))
                .patch(url)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(token)
            .header("If-Match", etag)
            .body(Map.of("testStatus", "PASSED", "testOverrideReason", "demo: checked by hand"))
            .patch(url)
            .then()
            .statusCode(200);
      }
    }
    System.out.println(
        "[stack] demo content: acme has group FY2027 with GDPR and HIPAA assessments");
  }

  private static RequestSpecification as(String token) {
    return RestAssured.given()
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer " + token);
  }
}
