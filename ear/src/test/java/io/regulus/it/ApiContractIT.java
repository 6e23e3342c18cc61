package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every API answer carries (no sniffing of its type; tenant data and exports never stored by a
 * cache), and where the limits of its input lie: a JSON body at the size limit is read, a parameter
 * in range is taken. The refusals themselves are {@link BadInputCatalogueIT}'s table.
 */
class ApiContractIT {

  private static String tenant;
  private static String admin;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("contract", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    long group = Platform.createGroup(admin, tenant, "contract");
    Platform.createAssessment(admin, tenant, group, "contract", "gdpr");
  }

  @Test
  void tenantDataAndExportsAreNeverCachedOrSniffed() {
    long export = Platform.export(tenant);
    Object action = Platform.actions(admin, tenant).get(0).get("id");
    String evidence = "/tenants/" + tenant + "/actions/" + action + "/evidence";
    Object file =
        Api.as(admin)
            .contentType("multipart/form-data")
            .multiPart("file", "note.txt", "proof".getBytes(), "text/plain")
            .post(evidence)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<Response> answers =
        List.of(
            Api.as(admin).get("/tenants/" + tenant + "/assessment-groups"),
            Api.as(admin).get("/tenants/" + tenant + "/dashboard"),
            Api.as(admin).queryParam("format", "csv").get("/tenants/" + tenant + "/activity"),
            Api.as(admin).get("/tenants/" + tenant + "/actions/workbook"),
            Api.as(Platform.operator()).get("/platform/tenants/" + tenant + "/exports/" + export),
            Api.as(admin).get(evidence + "/" + file + "/content"),
            Api.as(admin).get("/me"));
    for (Response answer : answers) {
      answer.then().statusCode(200);
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
  }

  @Test
  void refusalsAreNeitherCachedNorSniffed() {
    for (Response answer :
        List.of(
            Api.anonymous().get("/tenants/" + tenant + "/dashboard"),
            Api.as(admin).get("/tenants/" + tenant + "/nothing-here"),
            Api.as(admin).queryParam("size", "abc").get("/tenants/" + tenant + "/actions"))) {
      answer.then().contentType(Api.PROBLEM);
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
  }

  /**
   * An invalid %-escape is refused by the server before any application sees the request (no
   * application can be chosen for a path that cannot be decoded): a 400 of its own, which at least
   * names no Java class.
   */
  @Test
  void anInvalidPercentEscapeIsA400NamingNoJavaClass() {
    RawHttp.Answer answer =
        RawHttp.send(
            "GET",
            "/api/v1/tenants/" + tenant + "/actions/%zz",
            Map.of("Authorization", "Bearer " + admin),
            RawHttp.Body.none(),
            30_000);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.body())
        .as(answer.toString())
        .doesNotContainPattern(BadInputCatalogueIT.JAVA_NAME);
  }

  @Test
  void aJsonBodyAtTheLimitIsReadAndJudgedOnItsFields() {
    String start = "{\"name\":\"at-limit\",\"description\":\"";
    String end = "\"}";
    String body =
        start + "x".repeat(BadRequests.JSON_MAX_BYTES - start.length() - end.length()) + end;

    Api.as(admin)
        .body(body)
        .post("/tenants/" + tenant + "/assessment-groups")
        .then()
        .statusCode(400)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("description"));
  }

  @Test
  void parametersInRangeAreTakenAsTheySay() {
    Api.as(admin)
        .queryParam("page", "0")
        .queryParam("size", "5")
        .queryParam("overdue", "FALSE")
        .queryParam("includePassed", "true")
        .get("/tenants/" + tenant + "/actions")
        .then()
        .statusCode(200);
    Map<String, Object> body =
        Api.as(admin)
            .body(Map.of("name", "typed", "description", "ok"))
            .post("/tenants/" + tenant + "/assessment-groups")
            .then()
            .statusCode(201)
            .extract()
            .as(Map.class);
    assertThat(body).containsEntry("name", "typed");
  }
}
