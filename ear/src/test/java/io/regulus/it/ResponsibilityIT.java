package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.action.Priority;
import io.regulus.action.workbook.ActionSheet;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "Responsibility in the scoring model": responsibility belongs to the improvement
 * action, so which assessments exist never changes it, nor an instance, its statuses or its
 * history; a control mixing a provider and a customer action scores through the API as the shared
 * case does in the engine; and a test result needs the action implemented, not out of scope.
 */
class ResponsibilityIT {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static String tenant;
  private static String schema;
  private static String admin;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("resp", null);
    schema = "tenant_" + tenant.replace('-', '_');
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
  }

  @Test
  void anAssessmentAddedAndRemovedInAnotherGroupChangesNoResponsibilityScoreOrStatus() {
    long hostingGroup = Platform.createGroup(admin, tenant, "Hosting");
    long clinicGroup = Platform.createGroup(admin, tenant, "Clinic");
    createTemplate(
        "hosting",
        List.of(action("tenant:hosted-datacenter", "OPERATIONAL", 10, "provider")),
        List.of(control("H-1", List.of("tenant:hosted-datacenter"))));
    // a customer control of another template maps the provider's action beside one of its own
    createTemplate(
        "clinic",
        List.of(action("tenant:clinic-badges", "DOCUMENTATION", 5, "customer")),
        List.of(control("C-1", List.of("tenant:hosted-datacenter", "tenant:clinic-badges"))));
    long hosting = Platform.createAssessment(admin, tenant, hostingGroup, "Hosting", "hosting");

    Map<String, Object> instance = instanceOf("tenant:hosted-datacenter");
    assertThat(instance.get("group")).as("a provider action is one for the tenant").isNull();
    long id = ((Number) instance.get("id")).longValue();
    change(id, Map.of("implementationStatus", "IMPLEMENTED"));
    change(id, Map.of("testStatus", "PASSED", "notes", "run by the host"));
    List<String> history = history(id);
    assertThat(history).hasSizeGreaterThan(3);
    assertUnchanged(hosting, id, history);

    long clinic = Platform.createAssessment(admin, tenant, clinicGroup, "Clinic", "clinic");
    assertUnchanged(hosting, id, history);
    JsonPath clinicDetail = assessment(clinic);
    assertThat(clinicDetail.getDouble("assessment.score.achieved")).isEqualTo(10.0);
    assertThat(clinicDetail.getDouble("assessment.score.possible")).isEqualTo(15.0);
    assertThat(clinicDetail.getString("controls[0].managedBy")).isEqualTo("SHARED");
    assertThat(assessment(hosting).getString("controls[0].managedBy")).isEqualTo("PROVIDER");

    Api.as(admin).delete("/tenants/" + tenant + "/assessments/" + clinic).then().statusCode(204);
    assertUnchanged(hosting, id, history);
  }

  /** The hosting assessment still scores 10 of 10 from the same instance, statuses and history. */
  private static void assertUnchanged(long hosting, long id, List<String> history) {
    JsonPath detail = assessment(hosting);
    assertThat(detail.getDouble("assessment.score.achieved")).isEqualTo(10.0);
    assertThat(detail.getDouble("assessment.score.possible")).isEqualTo(10.0);
    JsonPath action =
        Api.as(admin)
            .get("/tenants/" + tenant + "/actions/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(action.getString("implementationStatus")).isEqualTo("IMPLEMENTED");
    assertThat(action.getString("testStatus")).isEqualTo("PASSED");
    assertThat(action.getString("notes")).isEqualTo("run by the host");
    assertThat(action.getString("managedBy")).isEqualTo("PROVIDER");
    assertThat(action.<Object>get("groupId")).isNull();
    assertThat(
            TestDatabase.rows(
                "SELECT i.id || ':' || coalesce(i.group_id::text, '-') || ':' || i.implementation_status"
                    + " || ':' || i.test_status || ':' || a.managed_by FROM "
                    + schema
                    + ".action_instance i JOIN "
                    + schema
                    + ".action a ON a.id = i.action_id WHERE a.action_key = 'tenant:hosted-datacenter'"))
        .containsExactly(id + ":-:IMPLEMENTED:PASSED:PROVIDER");
    assertThat(history(id)).isEqualTo(history);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aControlMixingProviderAndCustomerActionsScoresAsTheSharedCase() {
    JsonPath cases =
        JsonPath.from(Path.of("../ejb/src/test/resources/scoring/scoring-cases.json").toFile());
    String name = "provider-managed action counts once and as achieved";
    Map<String, Object> scoringCase =
        cases.getList("cases", Map.class).stream()
            .filter(c -> name.equals(c.get("name")))
            .findFirst()
            .map(c -> (Map<String, Object>) c)
            .orElseThrow();
    String slug = Platform.tenant("resp-case", null);
    String token = KeycloakClient.token(KeycloakClient.createMember(slug, "admin"));
    Map<String, Long> ids = buildCase(slug, token, scoringCase);

    Map<String, Object> expected = (Map<String, Object>) scoringCase.get("expected");
    Map<String, Number> tenantScore = (Map<String, Number>) expected.get("tenant");
    JsonPath dashboard =
        Api.as(token)
            .get("/tenants/" + slug + "/dashboard")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(dashboard.getDouble("overall.achieved"))
        .isEqualTo(tenantScore.get("achieved").doubleValue());
    assertThat(dashboard.getDouble("overall.possible"))
        .isEqualTo(tenantScore.get("possible").doubleValue());
    assertThat(dashboard.getDouble("providerPoints.achieved"))
        .isEqualTo(tenantScore.get("providerAchieved").doubleValue());
    assertThat(dashboard.getDouble("providerPoints.possible"))
        .isEqualTo(tenantScore.get("providerPossible").doubleValue());
    Map<String, Map<String, Number>> assessments =
        (Map<String, Map<String, Number>>) expected.get("assessments");
    assertThat(ids).containsOnlyKeys(assessments.keySet());
    assessments.forEach(
        (assessmentName, score) -> {
          JsonPath detail =
              Api.as(token)
                  .get("/tenants/" + slug + "/assessments/" + ids.get(assessmentName))
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath();
          assertThat(detail.getDouble("assessment.score.achieved"))
              .as(assessmentName)
              .isEqualTo(score.get("achieved").doubleValue());
          assertThat(detail.getDouble("assessment.score.possible"))
              .as(assessmentName)
              .isEqualTo(score.get("possible").doubleValue());
        });
  }

  /**
   * Builds a scoring case through the API: one private template per assessment (an action declared
   * by the first that maps it), one group per group of the case.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> buildCase(
      String slug, String token, Map<String, Object> scoringCase) {
    Map<String, Map<String, Object>> actions = new LinkedHashMap<>();
    for (Map<String, Object> action : (List<Map<String, Object>>) scoringCase.get("actions")) {
      actions.put((String) action.get("key"), action);
    }
    Map<String, Long> groups = new HashMap<>();
    Map<String, Long> ids = new HashMap<>();
    List<String> declared = new ArrayList<>();
    for (Map<String, Object> assessment :
        (List<Map<String, Object>>) scoringCase.get("assessments")) {
      String assessmentName = (String) assessment.get("name");
      List<Map<String, Object>> newActions = new ArrayList<>();
      List<Map<String, Object>> controls = new ArrayList<>();
      for (Map<String, Object> control : (List<Map<String, Object>>) assessment.get("controls")) {
        List<String> keys = new ArrayList<>();
        for (String key : (List<String>) control.get("actions")) {
          String apiKey = "tenant:" + key.toLowerCase(Locale.ROOT) + "-action";
          keys.add(apiKey);
          if (!declared.contains(apiKey)) {
            declared.add(apiKey);
            Map<String, Object> action = actions.get(key);
            newActions.add(
                action(
                    apiKey,
                    ((String) action.get("type")).toUpperCase(Locale.ROOT),
                    points(action),
                    (String) action.get("managedBy")));
          }
        }
        controls.add(control((String) control.get("id"), keys));
      }
      String templateKey = "case-" + assessmentName.toLowerCase(Locale.ROOT);
      Api.as(token)
          .body(template(templateKey, newActions, controls))
          .post("/tenants/" + slug + "/templates")
          .then()
          .statusCode(201);
      long group =
          groups.computeIfAbsent(
              (String) assessment.get("group"),
              groupName -> Platform.createGroup(token, slug, groupName));
      ids.put(
          assessmentName,
          Platform.createAssessment(token, slug, group, assessmentName, templateKey));
    }
    assertThat((List<?>) scoringCase.get("status")).as("this case sets no status").isEmpty();
    return ids;
  }

  private static int points(Map<String, Object> action) {
    if (action.get("points") != null) {
      return ((Number) action.get("points")).intValue();
    }
    return switch ((String) action.get("classification")) {
      case "preventative-mandatory" -> 27;
      case "preventative-discretionary" -> 9;
      case "detective-mandatory", "corrective-mandatory" -> 3;
      default -> 1;
    };
  }

  @Test
  void aTestResultNeedsTheActionImplementedNotOutOfScope() throws IOException {
    long group = Platform.createGroup(admin, tenant, "Scope");
    createTemplate(
        "scope-rules",
        List.of(
            action("tenant:scope-check", "TECHNICAL", 4, "customer"),
            action("tenant:scope-sheet", "TECHNICAL", 6, "customer")),
        List.of(control("S-1", List.of("tenant:scope-check", "tenant:scope-sheet"))));
    Platform.createAssessment(admin, tenant, group, "Scope", "scope-rules");
    long id = ((Number) instanceOf("tenant:scope-check").get("id")).longValue();
    change(id, Map.of("implementationStatus", "OUT_OF_SCOPE"));
    long historyBefore = historyCount();
    for (String result : List.of("PASSED", "FAILED_LOW_RISK", "FAILED_HIGH_RISK")) {
      JsonPath problem =
          Platform.change(admin, tenant, id, Map.of("testStatus", result))
              .then()
              .statusCode(422)
              .contentType(Api.PROBLEM)
              .extract()
              .jsonPath();
      assertThat(problem.getString("errors[0].field")).isEqualTo("testStatus");
      assertThat(problem.getString("errors[0].message")).contains("implemented", "OUT_OF_SCOPE");
    }
    assertThat(
            TestDatabase.rows(
                "SELECT implementation_status || ':' || test_status FROM "
                    + schema
                    + ".action_instance WHERE id = "
                    + id))
        .containsExactly("OUT_OF_SCOPE:NONE");

    // the workbook goes by the same rule: its row is refused, naming the cell
    long sheetId = ((Number) instanceOf("tenant:scope-sheet").get("id")).longValue();
    ActionSheet.Parsed exported = exportSheet();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ActionSheet.write(
        exported.edits().stream()
            .map(
                edit ->
                    new ActionSheet.Row(
                        edit.actionId(),
                        edit.version(),
                        null,
                        null,
                        null,
                        ActionType.TECHNICAL,
                        0,
                        edit.assignee(),
                        edit.tester(),
                        edit.actionId() == sheetId
                            ? ImplementationStatus.OUT_OF_SCOPE
                            : edit.implementationStatus(),
                        null,
                        edit.actionId() == sheetId
                            ? TestStatus.FAILED_MEDIUM_RISK
                            : edit.testStatus(),
                        null,
                        edit.dueDate(),
                        edit.priority() == null ? Priority.MEDIUM : edit.priority(),
                        edit.notes()))
            .toList(),
        out);
    JsonPath refused =
        Api.as(admin)
            .contentType(XLSX)
            .body(out.toByteArray())
            .post("/tenants/" + tenant + "/actions/workbook")
            .then()
            .statusCode(422)
            .contentType(Api.PROBLEM)
            .extract()
            .jsonPath();
    assertThat(refused.getList("cells.column")).containsExactly("Test status");
    assertThat(historyCount()).isEqualTo(historyBefore);
    assertThat(
            TestDatabase.rows(
                "SELECT implementation_status || ':' || test_status FROM "
                    + schema
                    + ".action_instance WHERE id = "
                    + sheetId))
        .containsExactly("NOT_IMPLEMENTED:NONE");
  }

  @Test
  void automaticStatusesStayWithAutomaticTestsAndAnOverrideKeepsItsReasonInView() {
    long group = Platform.createGroup(admin, tenant, "Override");
    createTemplate(
        "manual-rules",
        List.of(action("tenant:manual-check", "TECHNICAL", 4, "customer")),
        List.of(control("M-1", List.of("tenant:manual-check"))));
    Platform.createAssessment(admin, tenant, group, "Manual", "manual-rules");
    long manual = ((Number) instanceOf("tenant:manual-check").get("id")).longValue();
    change(manual, Map.of("implementationStatus", "IMPLEMENTED"));
    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of("testStatus", "TO_BE_DETECTED"),
            Map.of("testStatus", "COULD_NOT_BE_DETECTED"),
            Map.of("testStatus", "PARTIALLY_TESTED", "passedFraction", 0.5))) {
      JsonPath problem =
          Platform.change(admin, tenant, manual, body)
              .then()
              .statusCode(422)
              .contentType(Api.PROBLEM)
              .extract()
              .jsonPath();
      assertThat(problem.getString("errors[0].field")).isEqualTo("testStatus");
      assertThat(problem.getString("errors[0].message")).contains("automatic testing");
    }

    Platform.createAssessment(admin, tenant, group, "HIPAA", "hipaa-security");
    Map<String, Object> automatic =
        Platform.actions(admin, tenant).stream()
            .filter(instance -> "AUTOMATIC".equals(instance.get("testingSource")))
            .findFirst()
            .orElseThrow();
    long id = ((Number) automatic.get("id")).longValue();
    change(id, Map.of("implementationStatus", "IMPLEMENTED"));
    JsonPath overridden =
        Platform.change(
                admin,
                tenant,
                id,
                Map.of("testStatus", "PASSED", "testOverrideReason", "Checked the console by hand"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(overridden.getString("testOverrideReason")).isEqualTo("Checked the console by hand");
    assertThat(
            Api.as(admin)
                .get("/tenants/" + tenant + "/actions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .<String>path("testOverrideReason"))
        .isEqualTo("Checked the console by hand");
    change(id, Map.of("notes", "the reason stays while the status stands"));
    assertThat(
            TestDatabase.rows(
                "SELECT test_status || ':' || test_override_reason FROM "
                    + schema
                    + ".action_instance WHERE id = "
                    + id))
        .containsExactly("PASSED:Checked the console by hand");
    assertThat(history(id)).contains("testOverrideReason:>Checked the console by hand");
  }

  /**
   * A tenant schema as it was before responsibility moved to the actions (migration 5), with its
   * data, migrated: each action keeps the responsibility it scored with, the instances stay, and a
   * test result on an implementation out of scope goes, with a line in the history.
   */
  @Test
  void existingTenantsKeepTheResponsibilityTheyScoredWith() throws SQLException {
    String scratch = "tenant_migration_" + Long.toHexString(System.nanoTime());
    try {
      migrate(scratch, "5");
      try (Connection db = DriverManager.getConnection(TestDatabase.URL, "postgres", "postgres");
          Statement sql = db.createStatement()) {
        sql.execute("SET search_path TO " + scratch);
        sql.execute(
            "INSERT INTO assessment_group (id, name, created_at, created_by) VALUES"
                + " (1, 'G1', now(), 'it'), (2, 'G2', now(), 'it')");
        sql.execute(
            "INSERT INTO action (id, action_key, origin, title, description, action_type, points, category,"
                + " testing_source) VALUES"
                + " (1, 'hosted', 'TENANT', 'Hosted', 'd', 'OPERATIONAL', 10, 'c', 'MANUAL'),"
                + " (2, 'mixed', 'TENANT', 'Mixed', 'd', 'OPERATIONAL', 5, 'c', 'MANUAL'),"
                + " (3, 'provider-datacenter-access-control', 'LIBRARY', 'Lib', 'd', 'OPERATIONAL', 3, 'c',"
                + " 'MANUAL'),"
                + " (4, 'drafted', 'TENANT', 'Drafted', 'd', 'TECHNICAL', 2, 'c', 'MANUAL'),"
                + " (5, 'lonely', 'TENANT', 'Lonely', 'd', 'TECHNICAL', 1, 'c', 'MANUAL')");
        sql.execute(
            "INSERT INTO assessment (id, group_id, name, template_key, template_version, regulation,"
                + " scope_kind, scope_name, created_at, created_by) VALUES"
                + " (1, 1, 'A1', 'a', '1', 'R', 'PRODUCT', 'p', now(), 'it'),"
                + " (2, 2, 'A2', 'b', '1', 'R', 'PRODUCT', 'p', now(), 'it')");
        sql.execute(
            "INSERT INTO assessment_control (id, assessment_id, control_id, family, title, description,"
                + " mandatory, nature, managed_by, position, from_extension) VALUES"
                + " (1, 1, 'C1', 'f', 't', 'd', true, 'PREVENTATIVE', 'PROVIDER', 0, false),"
                + " (2, 2, 'C2', 'f', 't', 'd', true, 'PREVENTATIVE', 'CUSTOMER', 0, false)");
        sql.execute(
            "INSERT INTO assessment_control_action (control_id, action_id) VALUES (1, 1), (1, 2), (2, 2)");
        sql.execute(
            "INSERT INTO private_template (id, template_key, title, regulation, created_at, created_by)"
                + " VALUES (1, 'p', 'P', 'R', now(), 'it')");
        sql.execute(
            "INSERT INTO private_template_version (id, template_id, version, published_at, published_by)"
                + " VALUES (1, 1, 1, now(), 'it')");
        sql.execute(
            "INSERT INTO private_control (id, version_id, control_id, family, title, description, mandatory,"
                + " nature, managed_by, position) VALUES (1, 1, 'P1', 'f', 't', 'd', true, 'DETECTIVE',"
                + " 'PROVIDER', 0)");
        sql.execute("INSERT INTO private_control_action (control_id, action_id) VALUES (1, 4)");
        sql.execute(
            "INSERT INTO action_instance (id, action_id, group_id, implementation_status,"
                + " implementation_date, test_status) VALUES"
                + " (1, 1, NULL, 'IMPLEMENTED', current_date, 'PASSED'),"
                + " (2, 2, 1, 'OUT_OF_SCOPE', NULL, 'PASSED'),"
                + " (3, 2, 2, 'PLANNED', NULL, 'NONE')");
      }
      List<String> needed = needed(scratch);
      assertThat(needed).containsExactly("1:-", "2:1", "2:2");

      migrate(scratch, null);
      assertThat(
              TestDatabase.rows(
                  "SELECT action_key || ':' || managed_by FROM " + scratch + ".action ORDER BY id"))
          .containsExactly(
              "tenant:hosted:PROVIDER",
              "tenant:mixed:CUSTOMER",
              "provider-datacenter-access-control:PROVIDER",
              "tenant:drafted:PROVIDER",
              "tenant:lonely:CUSTOMER");
      assertThat(needed(scratch)).isEqualTo(needed);
      assertThat(
              TestDatabase.rows(
                  "SELECT id || ':' || implementation_status || ':' || test_status FROM "
                      + scratch
                      + ".action_instance ORDER BY id"))
          .containsExactly("1:IMPLEMENTED:PASSED", "2:OUT_OF_SCOPE:NONE", "3:PLANNED:NONE");
      assertThat(
              TestDatabase.rows(
                  "SELECT instance_id || ':' || field || ':' || old_value || '>' || new_value FROM "
                      + scratch
                      + ".action_history"))
          .containsExactly("2:testStatus:PASSED>NONE");
      assertThat(
              TestDatabase.count(
                  "SELECT count(*) FROM information_schema.columns WHERE table_schema = ?"
                      + " AND column_name = 'managed_by' AND table_name <> 'action'",
                  scratch))
          .as("responsibility is the action's alone")
          .isZero();
    } finally {
      try (Connection db = DriverManager.getConnection(TestDatabase.URL, "postgres", "postgres");
          Statement sql = db.createStatement()) {
        sql.execute("DROP SCHEMA IF EXISTS " + scratch + " CASCADE");
      }
    }
  }

  private static void migrate(String schema, String target) {
    var flyway =
        Flyway.configure()
            .dataSource(TestDatabase.URL, "postgres", "postgres")
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .locations("classpath:db/tenant")
            .callbackLocations("classpath:db/tenant");
    (target == null ? flyway : flyway.target(target)).load().migrate();
  }

  private static List<String> needed(String schema) {
    return TestDatabase.rows(
        "SELECT action_id || ':' || coalesce(group_id::text, '-') FROM "
            + schema
            + ".action_instance_needed ORDER BY action_id, group_id NULLS FIRST");
  }

  private static ActionSheet.Parsed exportSheet() throws IOException {
    return ActionWorkbooks.export(admin, tenant);
  }

  private static long historyCount() {
    return TestDatabase.count("SELECT count(*) FROM " + schema + ".action_history");
  }

  private static List<String> history(long id) {
    return TestDatabase.rows(
        "SELECT field || ':' || coalesce(old_value, '') || '>' || coalesce(new_value, '') FROM "
            + schema
            + ".action_history WHERE instance_id = "
            + id
            + " ORDER BY id");
  }

  private static Map<String, Object> instanceOf(String key) {
    List<Map<String, Object>> found =
        Platform.actions(admin, tenant).stream()
            .filter(instance -> key.equals(instance.get("key")))
            .toList();
    assertThat(found).as(key).hasSize(1);
    return found.get(0);
  }

  private static void change(long id, Map<String, Object> body) {
    Platform.change(admin, tenant, id, body).then().statusCode(200);
  }

  private static JsonPath assessment(long id) {
    return Api.as(admin)
        .get("/tenants/" + tenant + "/assessments/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void createTemplate(
      String key, List<Map<String, Object>> actions, List<Map<String, Object>> controls) {
    Api.as(admin)
        .body(template(key, actions, controls))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);
  }

  private static Map<String, Object> template(
      String key, List<Map<String, Object>> actions, List<Map<String, Object>> controls) {
    return Map.of(
        "key",
        key,
        "title",
        "Template " + key,
        "regulation",
        "Rules " + key,
        "actions",
        actions,
        "controls",
        controls);
  }

  private static Map<String, Object> action(String key, String type, int points, String managedBy) {
    return Map.of(
        "key",
        key,
        "title",
        "Do " + key,
        "description",
        "What " + key + " means",
        "type",
        type,
        "points",
        points,
        "category",
        "Infrastructure cloud",
        "managedBy",
        managedBy);
  }

  private static Map<String, Object> control(String id, List<String> actions) {
    return Map.of(
        "id",
        id,
        "family",
        "Hosting",
        "title",
        "Control " + id,
        "description",
        "Requirement " + id,
        "mandatory",
        false,
        "nature",
        "preventative",
        "actions",
        actions);
  }
}
