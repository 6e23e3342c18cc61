package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.AccessMatrix.Persona;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the OpenAPI document, called by every kind of caller, with the exact status
 * each must get ({@link AccessMatrix}). An endpoint without a row here fails {@link
 * #everyEndpointHasARow()}, so the matrix stays complete.
 */
class AuthorizationMatrixIT {

  /**
   * What a call needs: the tenant T (a client of firm F), and fresh objects where the call would
   * consume one.
   */
  record World(
      String firm,
      String tenant,
      String suspended,
      long groupId,
      String memberId,
      long exportId,
      long assessmentId,
      long actionId,
      String adminId) {}

  private static World world;

  /** Firm F's template, an import of the firm's and a push of it to T (made by F's admin). */
  private static String firmTemplate;

  private static long firmImportId;
  private static long pushId;
  private static final Map<Persona, String> TOKENS = new EnumMap<>(Persona.class);
  private static final Map<String, Row> ROWS = new LinkedHashMap<>();

  /** One endpoint: how to call it as a persona. */
  record Row(String endpoint, BiFunction<Persona, RequestSpecification, Integer> call) {}

  private static void row(
      String endpoint, BiFunction<Persona, RequestSpecification, Integer> call) {
    ROWS.put(endpoint, new Row(endpoint, call));
  }

  @BeforeAll
  static void buildTheWorld() {
    String firm = Platform.firm("matrix");
    String tenant = Platform.tenant("matrix", firm);
    String other = Platform.tenant("matrix-other", null);
    String suspended = Platform.tenant("matrix-susp", null);
    String adminName = KeycloakClient.createMember(tenant, "admin");
    TOKENS.put(Persona.ADMIN, KeycloakClient.token(adminName));
    TOKENS.put(
        Persona.ASSESSOR, KeycloakClient.token(KeycloakClient.createMember(tenant, "assessor")));
    TOKENS.put(
        Persona.CONTRIBUTOR,
        KeycloakClient.token(KeycloakClient.createMember(tenant, "contributor")));
    TOKENS.put(Persona.READER, KeycloakClient.token(KeycloakClient.createMember(tenant, "reader")));
    TOKENS.put(
        Persona.OTHER_TENANT, KeycloakClient.token(KeycloakClient.createMember(other, "admin")));
    TOKENS.put(Persona.NO_TENANT, KeycloakClient.token(KeycloakClient.createUser("nobody")));
    TOKENS.put(
        Persona.SUSPENDED, KeycloakClient.token(KeycloakClient.createMember(suspended, "admin")));
    TOKENS.put(
        Persona.FIRM_ADMIN,
        KeycloakClient.token(KeycloakClient.createUser("fadmin", "/firms/" + firm + "/admin")));
    TOKENS.put(
        Persona.CONSULTANT,
        KeycloakClient.token(KeycloakClient.createUser("cons", "/firms/" + firm + "/consultant")));
    TOKENS.put(Persona.OPERATOR, Platform.operator());
    Platform.suspend(suspended);
    long groupId = Platform.createGroup(TOKENS.get(Persona.ADMIN), tenant, "matrix");
    String memberId = KeycloakClient.userId(KeycloakClient.createMember(tenant, "contributor"));
    String admin = TOKENS.get(Persona.ADMIN);
    Api.as(admin)
        .body(MatrixTemplates.template("matrix-tmpl"))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);
    long assessmentId = Platform.createAssessment(admin, tenant, groupId, "matrix", "matrix-tmpl");
    long actionId = ((Number) Platform.actions(admin, tenant).get(0).get("id")).longValue();
    world =
        new World(
            firm,
            tenant,
            suspended,
            groupId,
            memberId,
            Platform.export(tenant),
            assessmentId,
            actionId,
            KeycloakClient.userId(adminName));
    String firmAdmin = TOKENS.get(Persona.FIRM_ADMIN);
    firmTemplate = freshFirmTemplate(Persona.FIRM_ADMIN);
    firmImportId =
        Api.as(firmAdmin)
            .contentType("application/octet-stream")
            .queryParam("key", Api.unique("matrix-import"))
            .queryParam("format", "excel")
            .body(new byte[] {1, 2, 3})
            .post("/firms/" + firm + "/template-imports")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getLong("id");
    pushId =
        Api.as(firmAdmin)
            .body(Map.of("template", firmTemplate, "clients", List.of(tenant)))
            .post("/firms/" + firm + "/template-pushes")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getLong("id");
    imports[0] = finishedImport(admin, "/tenants/" + tenant + "/template-imports");
    imports[1] = finishedImport(Platform.operator(), "/platform/template-imports");
    defineRows();
  }

  /** An OSCAL file the import job refuses at once (INVALID: finished, nothing published). */
  static final String BROKEN_CATALOG = "{\"catalog\": {\"uuid\": ";

  /** The world's imports: a tenant's and the platform's, both finished. */
  private static final long[] imports = new long[2];

  private static long finishedImport(String token, String path) {
    long id =
        Api.as(token)
            .contentType("application/json")
            .queryParam("key", Api.unique("imp"))
            .queryParam("format", "oscal")
            .body(BROKEN_CATALOG)
            .post(path)
            .then()
            .statusCode(202)
            .extract()
            .jsonPath()
            .getLong("id");
    for (int i = 0; i < 600; i++) {
      String status =
          Api.as(token).get(path + "/" + id).then().statusCode(200).extract().path("status");
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return id;
      }
      TemplateImports.sleep(100);
    }
    throw new IllegalStateException("import " + id + " did not finish");
  }

  /** A new firm template of F for a call that pushes it (only F's admin gets that far). */
  private static String freshFirmTemplate(Persona persona) {
    if (persona != Persona.FIRM_ADMIN) {
      return firmTemplate;
    }
    String key = Api.unique("matrix-firm");
    Api.as(TOKENS.get(Persona.FIRM_ADMIN))
        .body(MatrixTemplates.template(key))
        .post("/firms/" + world().firm() + "/templates")
        .then()
        .statusCode(201);
    return key;
  }

  private static World world() {
    return world;
  }

  private static void defineRows() {
    row("GET /me", (p, r) -> r.get("/me").statusCode());
    row("GET /me/invitations", (p, r) -> r.get("/me/invitations").statusCode());
    row(
        "POST /me/invitations/{invitationId}/accept",
        (p, r) ->
            r.post("/me/invitations/" + java.util.UUID.randomUUID() + "/accept").statusCode());
    row(
        "POST /me/invitations/{invitationId}/decline",
        (p, r) ->
            r.post("/me/invitations/" + java.util.UUID.randomUUID() + "/decline").statusCode());

    row(
        "POST /platform/firms",
        (p, r) -> r.body(Map.of("slug", Api.unique("f"))).post("/platform/firms").statusCode());
    row("GET /platform/firms", (p, r) -> r.get("/platform/firms").statusCode());
    row(
        "POST /platform/tenants",
        (p, r) -> r.body(Map.of("slug", Api.unique("t"))).post("/platform/tenants").statusCode());
    row("GET /platform/tenants", (p, r) -> r.get("/platform/tenants").statusCode());
    row(
        "GET /platform/tenants/{slug}",
        (p, r) -> r.get("/platform/tenants/" + world.tenant()).statusCode());
    row(
        "POST /platform/tenants/{slug}/admins",
        (p, r) ->
            r.body(Map.of("email", Api.unique("appointed") + "@it.example"))
                .post("/platform/tenants/" + fresh(p, false, false) + "/admins")
                .statusCode());
    row(
        "POST /platform/tenants/{slug}/suspend",
        (p, r) -> r.post("/platform/tenants/" + fresh(p, false, false) + "/suspend").statusCode());
    row(
        "POST /platform/tenants/{slug}/resume",
        (p, r) -> r.post("/platform/tenants/" + fresh(p, true, false) + "/resume").statusCode());
    row(
        "POST /platform/tenants/{slug}/exports",
        (p, r) -> r.post("/platform/tenants/" + world.tenant() + "/exports").statusCode());
    row(
        "GET /platform/tenants/{slug}/exports",
        (p, r) -> r.get("/platform/tenants/" + world.tenant() + "/exports").statusCode());
    row(
        "GET /platform/tenants/{slug}/exports/{exportId}",
        (p, r) ->
            r.get("/platform/tenants/" + world.tenant() + "/exports/" + world.exportId())
                .statusCode());
    row(
        "POST /platform/tenants/{slug}/import",
        (p, r) ->
            r.contentType("application/zip")
                .body(Platform.archive(world.tenant(), world.exportId()))
                .post("/platform/tenants/" + Api.unique("imp") + "/import")
                .statusCode());
    row(
        "DELETE /platform/tenants/{slug}",
        (p, r) -> r.delete("/platform/tenants/" + fresh(p, true, true)).statusCode());
    row("GET /platform/audit-events", (p, r) -> r.get("/platform/audit-events").statusCode());
    row("POST /platform/digests", (p, r) -> r.post("/platform/digests").statusCode());
    row("GET /platform/mail-outbox", (p, r) -> r.get("/platform/mail-outbox").statusCode());
    row(
        "GET /me/notification-preferences",
        (p, r) -> r.get("/me/notification-preferences").statusCode());
    row(
        "PUT /me/notification-preferences",
        (p, r) ->
            r.body(java.util.Map.of("alert", true))
                .put("/me/notification-preferences")
                .statusCode());

    row(
        "GET /firms/{firm}/tenants",
        (p, r) -> r.get("/firms/" + world.firm() + "/tenants").statusCode());
    row(
        "GET /firms/{firm}/portfolio",
        (p, r) -> r.get("/firms/" + world.firm() + "/portfolio").statusCode());
    row(
        "GET /firms/{firm}/portfolio/history",
        (p, r) ->
            r.get("/firms/" + world.firm() + "/portfolio/history?from=2026-01-01&to=2026-01-31")
                .statusCode());
    String firmPath = "/firms/" + world.firm();
    row("GET /firms/{firm}/templates", (p, r) -> r.get(firmPath + "/templates").statusCode());
    row(
        "GET /firms/{firm}/templates/{key}",
        (p, r) -> r.get(firmPath + "/templates/" + firmTemplate).statusCode());
    row(
        "POST /firms/{firm}/templates",
        (p, r) ->
            r.body(MatrixTemplates.template(Api.unique("matrix-firm")))
                .post(firmPath + "/templates")
                .statusCode());
    row(
        "POST /firms/{firm}/templates/{key}/versions",
        (p, r) ->
            r.body(MatrixTemplates.version())
                .post(firmPath + "/templates/" + firmTemplate + "/versions")
                .statusCode());
    row(
        "POST /firms/{firm}/template-imports",
        (p, r) ->
            r.contentType("application/octet-stream")
                .queryParam("key", Api.unique("matrix-import"))
                .queryParam("format", "excel")
                .body(new byte[] {1, 2, 3})
                .post(firmPath + "/template-imports")
                .statusCode());
    row(
        "GET /firms/{firm}/template-imports",
        (p, r) -> r.get(firmPath + "/template-imports").statusCode());
    row(
        "GET /firms/{firm}/template-imports/{id}",
        (p, r) -> r.get(firmPath + "/template-imports/" + firmImportId).statusCode());
    row(
        "POST /firms/{firm}/template-imports/{id}/stop",
        (p, r) -> r.post(firmPath + "/template-imports/0/stop").statusCode());
    row(
        "POST /firms/{firm}/template-imports/{id}/restart",
        (p, r) -> r.post(firmPath + "/template-imports/0/restart").statusCode());
    row(
        "POST /firms/{firm}/template-pushes/preview",
        (p, r) ->
            r.body(Map.of("template", firmTemplate))
                .post(firmPath + "/template-pushes/preview")
                .statusCode());
    row(
        "POST /firms/{firm}/template-pushes",
        (p, r) ->
            r.body(Map.of("template", freshFirmTemplate(p), "clients", List.of(world.tenant())))
                .post(firmPath + "/template-pushes")
                .statusCode());
    row(
        "GET /firms/{firm}/template-pushes",
        (p, r) -> r.get(firmPath + "/template-pushes").statusCode());
    row(
        "GET /firms/{firm}/template-pushes/{id}",
        (p, r) -> r.get(firmPath + "/template-pushes/" + pushId).statusCode());
    row(
        "POST /firms/{firm}/template-pushes/{id}/retry",
        (p, r) -> r.post(firmPath + "/template-pushes/" + pushId + "/retry").statusCode());
    row(
        "GET /firms/{firm}/tenants/{slug}",
        (p, r) -> r.get("/firms/" + world.firm() + "/tenants/" + world.tenant()).statusCode());
    row(
        "POST /firms/{firm}/tenants",
        (p, r) ->
            r.body(Map.of("slug", Api.unique("fc")))
                .post("/firms/" + world.firm() + "/tenants")
                .statusCode());

    row(
        "GET /tenants/{tenant}/assessment-groups",
        (p, r) -> r.get(tenant(p) + "/assessment-groups").statusCode());
    row(
        "POST /tenants/{tenant}/assessment-groups",
        (p, r) ->
            r.body(Map.of("name", Api.unique("g")))
                .post(tenant(p) + "/assessment-groups")
                .statusCode());
    row(
        "GET /tenants/{tenant}/assessment-groups/{id}",
        (p, r) -> r.get(tenant(p) + "/assessment-groups/" + world.groupId()).statusCode());
    row("GET /tenants/{tenant}/templates", (p, r) -> r.get(tenant(p) + "/templates").statusCode());
    row(
        "GET /tenants/{tenant}/templates/{key}",
        (p, r) -> r.get(tenant(p) + "/templates/gdpr").statusCode());
    row(
        "POST /tenants/{tenant}/templates",
        (p, r) ->
            r.body(MatrixTemplates.template(Api.unique("t")))
                .post(tenant(p) + "/templates")
                .statusCode());
    row(
        "POST /tenants/{tenant}/templates/{key}/versions",
        (p, r) ->
            r.body(MatrixTemplates.version())
                .post(tenant(p) + "/templates/matrix-tmpl/versions")
                .statusCode());
    row(
        "POST /tenants/{tenant}/template-imports",
        (p, r) ->
            r.contentType("application/json")
                .queryParam("key", Api.unique("imp"))
                .queryParam("format", "oscal")
                .body(BROKEN_CATALOG)
                .post(tenant(p) + "/template-imports")
                .statusCode());
    row(
        "GET /tenants/{tenant}/template-imports",
        (p, r) -> r.get(tenant(p) + "/template-imports").statusCode());
    row(
        "GET /tenants/{tenant}/template-imports/{id}",
        (p, r) -> r.get(tenant(p) + "/template-imports/" + imports[0]).statusCode());
    row(
        "POST /tenants/{tenant}/template-imports/{id}/stop",
        (p, r) -> r.post(tenant(p) + "/template-imports/" + imports[0] + "/stop").statusCode());
    row(
        "POST /tenants/{tenant}/template-imports/{id}/restart",
        (p, r) -> r.post(tenant(p) + "/template-imports/" + imports[0] + "/restart").statusCode());
    row(
        "GET /tenants/{tenant}/templates/{key}/versions/{version}/export",
        (p, r) -> r.get(tenant(p) + "/templates/matrix-tmpl/versions/1/export").statusCode());
    row(
        "POST /platform/template-imports",
        (p, r) ->
            r.contentType("application/json")
                .queryParam("key", Api.unique("imp"))
                .queryParam("format", "oscal")
                .body(BROKEN_CATALOG)
                .post("/platform/template-imports")
                .statusCode());
    row(
        "GET /platform/template-imports",
        (p, r) -> r.get("/platform/template-imports").statusCode());
    row(
        "GET /platform/template-imports/{id}",
        (p, r) -> r.get("/platform/template-imports/" + imports[1]).statusCode());
    row(
        "POST /platform/template-imports/{id}/stop",
        (p, r) -> r.post("/platform/template-imports/" + imports[1] + "/stop").statusCode());
    row(
        "POST /platform/template-imports/{id}/restart",
        (p, r) -> r.post("/platform/template-imports/" + imports[1] + "/restart").statusCode());
    row(
        "GET /tenants/{tenant}/template-updates",
        (p, r) -> r.get(tenant(p) + "/template-updates").statusCode());
    row(
        "GET /tenants/{tenant}/template-updates/{groupId}/{template}",
        (p, r) -> {
          newVersion();
          return r.get(update(p)).statusCode();
        });
    row(
        "POST /tenants/{tenant}/template-updates/{groupId}/{template}/accept",
        (p, r) ->
            r.body(Map.of("toVersion", newVersion())).post(update(p) + "/accept").statusCode());
    row(
        "POST /tenants/{tenant}/template-updates/{groupId}/{template}/defer",
        (p, r) ->
            r.body(Map.of("toVersion", newVersion())).post(update(p) + "/defer").statusCode());
    row(
        "GET /tenants/{tenant}/assessment-groups/{id}/assessments",
        (p, r) ->
            r.get(tenant(p) + "/assessment-groups/" + world.groupId() + "/assessments")
                .statusCode());
    row(
        "POST /tenants/{tenant}/assessment-groups/{id}/assessments",
        (p, r) ->
            r.body(
                    Map.of(
                        "name",
                        Api.unique("a"),
                        "template",
                        "matrix-tmpl",
                        "scope",
                        "PRODUCT",
                        "scopeName",
                        Api.unique("s")))
                .post(tenant(p) + "/assessment-groups/" + world.groupId() + "/assessments")
                .statusCode());
    row(
        "GET /tenants/{tenant}/assessments/{id}",
        (p, r) -> r.get(tenant(p) + "/assessments/" + world.assessmentId()).statusCode());
    row(
        "DELETE /tenants/{tenant}/assessments/{id}",
        (p, r) -> r.delete(tenant(p) + "/assessments/" + freshAssessment(p)).statusCode());
    row("GET /tenants/{tenant}/actions", (p, r) -> r.get(tenant(p) + "/actions").statusCode());
    row(
        "GET /tenants/{tenant}/actions/{id}",
        (p, r) -> r.get(tenant(p) + "/actions/" + world.actionId()).statusCode());
    row(
        "PATCH /tenants/{tenant}/actions/{id}",
        (p, r) ->
            r.header("If-Match", etag())
                .body(Map.of("notes", "matrix " + p))
                .patch(tenant(p) + "/actions/" + world.actionId())
                .statusCode());
    row(
        "POST /tenants/{tenant}/actions/assign",
        (p, r) ->
            r.body(Map.of("actionIds", List.of(world.actionId())))
                .post(tenant(p) + "/actions/assign")
                .statusCode());
    row(
        "POST /tenants/{tenant}/actions/reassign",
        (p, r) ->
            r.body(Map.of("from", java.util.UUID.randomUUID().toString(), "to", world.adminId()))
                .post(tenant(p) + "/actions/reassign")
                .statusCode());
    row(
        "GET /tenants/{tenant}/actions/workbook",
        (p, r) -> r.get(tenant(p) + "/actions/workbook").statusCode());
    row(
        "POST /tenants/{tenant}/actions/workbook/preview",
        (p, r) ->
            r.contentType(MatrixTemplates.XLSX)
                .body(MatrixTemplates.emptyWorkbook())
                .post(tenant(p) + "/actions/workbook/preview")
                .statusCode());
    row(
        "POST /tenants/{tenant}/actions/workbook",
        (p, r) ->
            r.contentType(MatrixTemplates.XLSX)
                .body(MatrixTemplates.emptyWorkbook())
                .post(tenant(p) + "/actions/workbook")
                .statusCode());
    row("GET /tenants/{tenant}/activity", (p, r) -> r.get(tenant(p) + "/activity").statusCode());
    row(
        "GET /tenants/{tenant}/actions/{id}/history",
        (p, r) -> r.get(tenant(p) + "/actions/" + world.actionId() + "/history").statusCode());
    row(
        "GET /tenants/{tenant}/actions/{id}/controls",
        (p, r) -> r.get(tenant(p) + "/actions/" + world.actionId() + "/controls").statusCode());
    row(
        "GET /tenants/{tenant}/actions/{id}/signals",
        (p, r) -> r.get(tenant(p) + "/actions/" + world.actionId() + "/signals").statusCode());
    row(
        "DELETE /tenants/{tenant}/actions/{id}/test-override",
        (p, r) ->
            r.delete(tenant(p) + "/actions/" + world.actionId() + "/test-override").statusCode());
    row(
        "POST /tenants/{tenant}/test-sweeps",
        (p, r) -> r.post(tenant(p) + "/test-sweeps").statusCode());
    row(
        "GET /tenants/{tenant}/test-sweeps/{executionId}",
        (p, r) -> r.get(tenant(p) + "/test-sweeps/0").statusCode());
    row("POST /platform/test-sweeps", (p, r) -> r.post("/platform/test-sweeps").statusCode());
    row(
        "GET /platform/test-sweeps/{executionId}",
        (p, r) -> r.get("/platform/test-sweeps/0").statusCode());
    row("GET /tenants/{tenant}/dashboard", (p, r) -> r.get(tenant(p) + "/dashboard").statusCode());
    row("GET /tenants/{tenant}/scores", (p, r) -> r.get(tenant(p) + "/scores").statusCode());
    row(
        "GET /tenants/{tenant}/score-history",
        (p, r) -> r.get(tenant(p) + "/score-history?from=2026-01-01&to=2026-01-31").statusCode());
    row(
        "POST /platform/score-recomputes",
        (p, r) ->
            r.post(
                    "/platform/score-recomputes?day="
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))
                .statusCode());
    row(
        "GET /platform/score-recomputes/{executionId}",
        (p, r) -> r.get("/platform/score-recomputes/0").statusCode());
    row("GET /platform/jobs", (p, r) -> r.get("/platform/jobs").statusCode());
    row(
        "GET /platform/jobs/executions/{executionId}",
        (p, r) -> r.get("/platform/jobs/executions/0").statusCode());
    row(
        "POST /platform/jobs/{name}/executions",
        (p, r) ->
            r.post(
                    "/platform/jobs/score-recompute/executions?day="
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))
                .statusCode());
    for (String operation : List.of("stop", "restart", "abandon")) {
      row(
          "POST /platform/jobs/executions/{executionId}/" + operation,
          (p, r) -> r.post("/platform/jobs/executions/0/" + operation).statusCode());
    }
    row(
        "GET /platform/score-recomputes/schedule",
        (p, r) -> r.get("/platform/score-recomputes/schedule").statusCode());
    row(
        "POST /platform/report-builds",
        (p, r) ->
            r.post(
                    "/platform/report-builds?day="
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))
                .statusCode());
    row(
        "GET /platform/report-builds/{executionId}",
        (p, r) -> r.get("/platform/report-builds/0").statusCode());
    row("GET /tenants/{tenant}/reports", (p, r) -> r.get(tenant(p) + "/reports").statusCode());
    row(
        "GET /tenants/{tenant}/reports/{id}",
        (p, r) -> r.get(tenant(p) + "/reports/0").statusCode());
    row(
        "GET /tenants/{tenant}/alert-policies",
        (p, r) -> r.get(tenant(p) + "/alert-policies").statusCode());
    row(
        "POST /tenants/{tenant}/alert-policies",
        (p, r) -> r.body(alertPolicy()).post(tenant(p) + "/alert-policies").statusCode());
    row(
        "GET /tenants/{tenant}/alert-policies/{id}",
        (p, r) -> r.get(tenant(p) + "/alert-policies/0").statusCode());
    row(
        "PUT /tenants/{tenant}/alert-policies/{id}",
        (p, r) -> r.body(alertPolicy()).put(tenant(p) + "/alert-policies/0").statusCode());
    row(
        "DELETE /tenants/{tenant}/alert-policies/{id}",
        (p, r) -> r.delete(tenant(p) + "/alert-policies/0").statusCode());
    row("GET /tenants/{tenant}/alerts", (p, r) -> r.get(tenant(p) + "/alerts").statusCode());
    row("GET /tenants/{tenant}/alerts/{id}", (p, r) -> r.get(tenant(p) + "/alerts/0").statusCode());
    row(
        "POST /tenants/{tenant}/alerts/{id}/status",
        (p, r) ->
            r.body(Map.of("status", "RESOLVED")).post(tenant(p) + "/alerts/0/status").statusCode());
    row(
        "GET /firms/{firm}/reports",
        (p, r) -> r.get("/firms/" + world.firm() + "/reports").statusCode());
    row(
        "GET /firms/{firm}/reports/{id}",
        (p, r) -> r.get("/firms/" + world.firm() + "/reports/0").statusCode());
    row(
        "PUT /firms/{firm}/logo",
        (p, r) ->
            r.contentType("image/png")
                .body(LogoImages.png())
                .put("/firms/" + world.firm() + "/logo")
                .statusCode());
    row(
        "GET /firms/{firm}/logo",
        (p, r) -> {
          Api.as(TOKENS.get(Persona.FIRM_ADMIN))
              .contentType("image/png")
              .body(LogoImages.png())
              .put("/firms/" + world.firm() + "/logo")
              .then()
              .statusCode(204);
          return r.get("/firms/" + world.firm() + "/logo").statusCode();
        });
    row(
        "POST /platform/score-recomputes/{executionId}/restart",
        (p, r) -> r.post("/platform/score-recomputes/0/restart").statusCode());
    row(
        "GET /tenants/{tenant}/scores/what-if",
        (p, r) -> r.get(tenant(p) + "/scores/what-if").statusCode());
    row("GET /tenants/{tenant}/users", (p, r) -> r.get(tenant(p) + "/users").statusCode());
    row(
        "GET /tenants/{tenant}/users/{userId}",
        (p, r) -> r.get(tenant(p) + "/users/" + world.memberId()).statusCode());
    row(
        "POST /tenants/{tenant}/users",
        (p, r) ->
            r.body(Map.of("email", Api.unique("inv") + "@it.example", "role", "reader"))
                .post(tenant(p) + "/users")
                .statusCode());
    row(
        "GET /tenants/{tenant}/invitations",
        (p, r) -> r.get(tenant(p) + "/invitations").statusCode());
    row(
        "PUT /tenants/{tenant}/users/{userId}/role",
        (p, r) ->
            r.body(Map.of("role", "reader"))
                .put(tenant(p) + "/users/" + freshMember(p) + "/role")
                .statusCode());
    row(
        "DELETE /tenants/{tenant}/users/{userId}",
        (p, r) -> r.delete(tenant(p) + "/users/" + freshMember(p)).statusCode());
    EvidenceMatrixRows.define(
        AuthorizationMatrixIT::row,
        AuthorizationMatrixIT::tenant,
        world.actionId(),
        TOKENS.get(Persona.ADMIN));
    row("GET /tenants/{tenant}/assignees", (p, r) -> r.get(tenant(p) + "/assignees").statusCode());
    row(
        "POST /tenants/{tenant}/signals",
        (p, r) ->
            r.body(
                    Map.of(
                        "signals",
                        List.of(
                            Map.of(
                                "key", "matrix.check",
                                "value", true,
                                "resource", "r",
                                "observedAt", "2026-01-01T00:00:00Z"))))
                .post(tenant(p) + "/signals")
                .statusCode());
    row("GET /tenants/{tenant}/signals", (p, r) -> r.get(tenant(p) + "/signals").statusCode());
    row(
        "GET /tenants/{tenant}/signals/latest",
        (p, r) -> r.get(tenant(p) + "/signals/latest?key=matrix.check").statusCode());
    row(
        "POST /tenants/{tenant}/machine-clients",
        (p, r) ->
            r.body(Map.of("name", "matrix")).post(tenant(p) + "/machine-clients").statusCode());
    row(
        "GET /tenants/{tenant}/machine-clients",
        (p, r) -> r.get(tenant(p) + "/machine-clients").statusCode());
    row(
        "POST /tenants/{tenant}/machine-clients/{clientId}/secret",
        (p, r) -> r.post(tenant(p) + "/machine-clients/signals-none-0/secret").statusCode());
    row(
        "DELETE /tenants/{tenant}/machine-clients/{clientId}",
        (p, r) -> r.delete(tenant(p) + "/machine-clients/signals-none-0").statusCode());
    row(
        "POST /platform/signal-retention",
        (p, r) -> r.post("/platform/signal-retention").statusCode());
    row(
        "POST /tenants/{tenant}/findings",
        (p, r) -> r.body("[]").post(tenant(p) + "/findings").statusCode());
  }

  @Test
  void everyEndpointHasARow() {
    Map<String, Object> paths =
        Api.anonymous()
            .basePath("")
            .get("/openapi?format=JSON")
            .then()
            .statusCode(200)
            .extract()
            .path("paths");
    TreeSet<String> documented = new TreeSet<>();
    paths.forEach(
        (path, item) ->
            ((Map<?, ?>) item)
                .keySet().stream()
                    .map(String::valueOf)
                    .filter(
                        verb ->
                            List.of("get", "post", "put", "delete", "patch", "head").contains(verb))
                    .forEach(
                        verb ->
                            documented.add(
                                verb.toUpperCase() + " " + path.replaceFirst("^/api/v1", ""))));
    assertThat(ROWS.keySet())
        .as("rows of the matrix")
        .containsExactlyInAnyOrderElementsOf(documented);
    assertThat(AccessMatrix.endpoints())
        .as("endpoints of the expected statuses")
        .containsExactlyInAnyOrderElementsOf(ROWS.keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsExactlyItsStatus() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : ROWS.values()) {
      for (Persona persona : Persona.values()) {
        int expected = AccessMatrix.expected(row.endpoint(), persona);
        tests.add(
            DynamicTest.dynamicTest(
                row.endpoint() + " as " + persona + " -> " + expected,
                () ->
                    assertThat(row.call().apply(persona, Api.as(TOKENS.get(persona))))
                        .as(row.endpoint() + " as " + persona)
                        .isEqualTo(expected)));
      }
    }
    return tests.stream();
  }

  /** The world group's update of the matrix template. */
  private static String update(Persona persona) {
    return tenant(persona) + "/template-updates/" + world.groupId() + "/matrix-tmpl";
  }

  /**
   * A new version of the matrix template, published by the admin, so the world's group has an
   * update to review and decide about: its version.
   */
  private static String newVersion() {
    java.util.List<String> versions =
        Api.as(TOKENS.get(Persona.ADMIN))
            .body(MatrixTemplates.version())
            .post("/tenants/" + world.tenant() + "/templates/matrix-tmpl/versions")
            .then()
            .statusCode(201)
            .extract()
            .path("versions");
    return versions.get(versions.size() - 1);
  }

  private static String tenant(Persona persona) {
    return "/tenants/" + (persona == Persona.SUSPENDED ? world.suspended() : world.tenant());
  }

  /** A tenant of its own for a call that changes it (only the operator's call gets that far). */
  private static String fresh(Persona persona, boolean suspended, boolean exported) {
    if (persona != Persona.OPERATOR) {
      return world.tenant();
    }
    String slug = Platform.tenant("life", null);
    if (suspended) {
      Platform.suspend(slug);
    }
    if (exported) {
      Platform.export(slug);
    }
    return slug;
  }

  /** The action's current ETag, read by T's admin. */
  private static String etag() {
    return Api.as(TOKENS.get(Persona.ADMIN))
        .get("/tenants/" + world.tenant() + "/actions/" + world.actionId())
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** An assessment of T of its own for a call that deletes it (only admins' calls get that far). */
  private static long freshAssessment(Persona persona) {
    if (persona != Persona.ADMIN && persona != Persona.FIRM_ADMIN) {
      return world.assessmentId();
    }
    return Platform.createAssessment(
        TOKENS.get(Persona.ADMIN),
        world.tenant(),
        world.groupId(),
        Api.unique("del"),
        "matrix-tmpl");
  }

  /** A member of T of their own for a call that changes them (only admins' calls get that far). */
  private static String freshMember(Persona persona) {
    if (persona != Persona.ADMIN && persona != Persona.FIRM_ADMIN) {
      return world.memberId();
    }
    return KeycloakClient.userId(KeycloakClient.createMember(world.tenant(), "contributor"));
  }

  /** A policy every admin may keep: evidence changes told to the tenant's admins. */
  private static Map<String, Object> alertPolicy() {
    return Map.of(
        "name",
        Api.unique("matrix policy"),
        "kind",
        "EVIDENCE_CHANGE",
        "severity",
        "LOW",
        "recipientRoles",
        List.of("admin"));
  }
}
