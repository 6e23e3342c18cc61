package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: private templates and extensions, the snapshot an assessment takes, and acceptance 5
 * (bad input gets a 4xx problem naming the field and the rule, and writes nothing).
 */
class TemplatesAndAssessmentsIT {

  private static final String NEWEST_GDPR = "2016-679.2";

  private static String tenant;
  private static String schema;
  private static String admin;
  private static long group;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("tmpl", null);
    schema = "tenant_" + tenant.replace('-', '_');
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    group = Platform.createGroup(admin, tenant, "FY2027");
  }

  @Test
  void theLibrarysTemplatesAreListedWithTheirVersions() {
    Api.as(admin)
        .get("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(200)
        .body("find { it.key == 'gdpr' }.kind", org.hamcrest.Matchers.equalTo("GLOBAL"))
        .body("find { it.key == 'gdpr' }.versions", hasItems("2016-679.1", NEWEST_GDPR))
        .body("key", hasItems("gdpr", "hipaa-security"));
  }

  @Test
  void anAssessmentSnapshotsItsTemplateVersion() {
    long id = Platform.createAssessment(admin, tenant, group, "GDPR snapshot", "gdpr");
    JsonPath detail =
        Api.as(admin)
            .get("/tenants/" + tenant + "/assessments/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(detail.getString("assessment.version"))
        .as("the newest version")
        .isEqualTo(NEWEST_GDPR);
    assertThat(detail.getList("controls.source", String.class))
        .as("every control links to its article on EUR-Lex")
        .allMatch(source -> source.startsWith("https://eur-lex.europa.eu/"));
    assertThat(detail.getString("controls.find { it.id == 'Art.33(1)' }.source"))
        .endsWith("#art_33");
    assertThat(detail.getList("controls"))
        .hasSize(
            (int)
                TestDatabase.count(
                    "SELECT count(*) FROM platform.template_control c JOIN platform.template_version v ON v.id = c.version_id"
                        + " JOIN platform.template t ON t.id = v.template_id WHERE t.template_key = 'gdpr'"
                        + " AND v.version = ?",
                    NEWEST_GDPR));
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + schema
                    + ".assessment_control_action aca JOIN "
                    + schema
                    + ".assessment_control ac ON ac.id = aca.control_id WHERE ac.assessment_id = ?",
                id))
        .isEqualTo(
            TestDatabase.count(
                "SELECT count(*) FROM platform.template_control_action tca"
                    + " JOIN platform.template_control c ON c.id = tca.control_id JOIN platform.template_version v"
                    + " ON v.id = c.version_id JOIN platform.template t ON t.id = v.template_id WHERE t.template_key = 'gdpr'"
                    + " AND v.version = ?",
                NEWEST_GDPR));
    assertThat(detail.getString("assessment.status")).isEqualTo("NONE");
  }

  @Test
  void anExtensionAddsItsControlsOnTopOfTheGlobalTemplate() {
    Map<String, Object> body =
        template(
            "gdpr-acme",
            List.of(action("tenant:acme-dpo-hotline", 12)),
            List.of(
                control("ACME-1", List.of("tenant:acme-dpo-hotline", "mfa-for-administrators"))));
    body.put("extends", "gdpr");
    Api.as(admin)
        .body(body)
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201)
        .body("kind", org.hamcrest.Matchers.equalTo("EXTENSION"))
        .body("versions", hasItem("1"));
    long id = Platform.createAssessment(admin, tenant, group, "GDPR plus Acme", "gdpr-acme");
    JsonPath detail =
        Api.as(admin)
            .get("/tenants/" + tenant + "/assessments/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(detail.getString("assessment.template")).isEqualTo("gdpr");
    assertThat(detail.getString("assessment.extension")).isEqualTo("gdpr-acme");
    List<String> ids = detail.getList("controls.id");
    assertThat(ids.get(ids.size() - 1)).isEqualTo("ACME-1");
    assertThat(detail.getList("controls.fromExtension", Boolean.class)).containsOnlyOnce(true);

    // a second version of the extension is what the next assessment gets
    Api.as(admin)
        .body(
            Map.of(
                "actions", List.of(),
                "controls",
                    List.of(
                        control("ACME-1", List.of("tenant:acme-dpo-hotline")),
                        control("ACME-2", List.of("mfa-for-administrators")))))
        .post("/tenants/" + tenant + "/templates/gdpr-acme/versions")
        .then()
        .statusCode(201)
        .body("versions", hasItems("1", "2"));
    long next =
        Api.as(admin)
            .body(
                Map.of(
                    "name",
                    "GDPR plus Acme v2",
                    "template",
                    "gdpr-acme",
                    "scope",
                    "SYSTEM",
                    "scopeName",
                    "Billing"))
            .post("/tenants/" + tenant + "/assessment-groups/" + group + "/assessments")
            .then()
            .statusCode(201)
            .extract()
            .<Integer>path("assessment.id")
            .longValue();
    assertThat(
            Api.as(admin)
                .get("/tenants/" + tenant + "/assessments/" + next)
                .then()
                .extract()
                .jsonPath()
                .getList("controls.findAll { it.fromExtension }.id"))
        .containsExactly("ACME-1", "ACME-2");
  }

  @Test
  void anUnknownTemplateOrVersionIsRefusedNamingTheField() {
    problem(
        Api.as(admin)
            .body(
                Map.of(
                    "name",
                    "X",
                    "template",
                    "gdpr",
                    "version",
                    "9.9",
                    "scope",
                    "PRODUCT",
                    "scopeName",
                    "X"))
            .post(assessments()),
        422,
        "version",
        "no published version '9.9'");
    problem(
        Api.as(admin)
            .body(Map.of("name", "X", "template", "nope", "scope", "PRODUCT", "scopeName", "X"))
            .post(assessments()),
        422,
        "template",
        "no template 'nope'");
    assertThat(
            TestDatabase.count("SELECT count(*) FROM " + schema + ".assessment WHERE name = 'X'"))
        .isZero();
  }

  @Test
  void aDuplicateNameOrTemplateAndScopeInAGroupIsRefused() {
    long other = Platform.createGroup(admin, tenant, Api.unique("dup"));
    Platform.createAssessment(admin, tenant, other, "HIPAA", "hipaa-security");
    problem(
        Api.as(admin)
            .body(Map.of("name", "hipaa", "template", "gdpr", "scope", "PRODUCT", "scopeName", "Y"))
            .post("/tenants/" + tenant + "/assessment-groups/" + other + "/assessments"),
        409,
        "name",
        "already has");
    problem(
        Api.as(admin)
            .body(
                Map.of(
                    "name",
                    "HIPAA again",
                    "template",
                    "hipaa-security",
                    "scope",
                    "PRODUCT",
                    "scopeName",
                    "hipaa"))
            .post("/tenants/" + tenant + "/assessment-groups/" + other + "/assessments"),
        409,
        "scopeName",
        "one assessment per template and scope");
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema + ".assessment WHERE group_id = ?", other))
        .isEqualTo(1);
  }

  @Test
  void pointsOutsideTheRangeAndAnUnmappedActionAreRefusedWhole() {
    Map<String, Object> body =
        template(
            "bad-points",
            List.of(
                action("tenant:bp-one", 0),
                action("tenant:bp-two", 100),
                action("tenant:bp-orphan", 5)),
            List.of(control("BP-1", List.of("tenant:bp-one", "tenant:bp-two"))));
    JsonPath problem =
        problem(
            Api.as(admin).body(body).post("/tenants/" + tenant + "/templates"),
            422,
            "actions[0].points",
            "points are a whole number from 1 to 99");
    assertThat(problem.getList("errors.field"))
        .contains("actions[0].points", "actions[1].points", "actions[2]");
    assertThat(problem.getString("errors.find { it.field == 'actions[2]' }.message"))
        .contains("mapped to no control");
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema + ".private_template WHERE template_key = ?",
                "bad-points"))
        .isZero();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema + ".action WHERE action_key LIKE 'tenant:bp-%'"))
        .isZero();

    problem(
        Api.as(admin)
            .body(
                template("bad-ref", List.of(), List.of(control("R-1", List.of("no-such-action")))))
            .post("/tenants/" + tenant + "/templates"),
        422,
        "controls[0].actions[0]",
        "no action 'no-such-action'");
    problem(
        Api.as(admin)
            .body(
                template(
                    "gdpr", List.of(), List.of(control("R-1", List.of("mfa-for-administrators")))))
            .post("/tenants/" + tenant + "/templates"),
        409,
        "key",
        "already exists");
  }

  @Test
  void onlyAdminsWriteTemplatesAndAssessments() {
    String reader = KeycloakClient.token(KeycloakClient.createMember(tenant, "reader"));
    Api.as(reader)
        .body(
            template(
                "reader-tmpl",
                List.of(),
                List.of(control("R-1", List.of("mfa-for-administrators")))))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(403);
    Api.as(reader)
        .body(Map.of("name", "R", "template", "gdpr", "scope", "PRODUCT", "scopeName", "R"))
        .post(assessments())
        .then()
        .statusCode(403);
    Api.as(reader).get("/tenants/" + tenant + "/templates").then().statusCode(200);
  }

  private static String assessments() {
    return "/tenants/" + tenant + "/assessment-groups/" + group + "/assessments";
  }

  private static JsonPath problem(
      io.restassured.response.Response response, int status, String field, String rule) {
    return response
        .then()
        .statusCode(status)
        .contentType(Api.PROBLEM)
        .body("detail", containsString(rule))
        .body("errors.field", hasItem(field))
        .extract()
        .jsonPath();
  }

  /**
   * A tenant's own template keeps its key when the library later publishes a template under the
   * same key (issue 16 added lgpd, ccpa-cpra, iso-27001): the tenant's list and its assessments
   * stay on its own template, and no update to the library's is offered.
   */
  @Test
  void aTenantsTemplateKeepsItsKeyWhenTheLibraryLaterPublishesTheSame() {
    String key = Api.unique("own-law");
    Api.as(admin)
        .body(
            template(
                key,
                List.of(action("tenant:" + key + "-register", 9)),
                List.of(control("OWN-1", List.of("tenant:" + key + "-register")))))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);
    long first = Platform.createAssessment(admin, tenant, group, "Own law " + key, key);
    // a new library version publishes a global template under the tenant's key
    TestDatabase.update(
        "WITH t AS (INSERT INTO platform.template (template_key, title, regulation) VALUES (?,"
            + " 'The library''s', 'The library''s law') RETURNING id),"
            + " v AS (INSERT INTO platform.template_version (template_id, version, published_at,"
            + " content_sha256) SELECT id, '2030.1', now(), repeat('0', 64) FROM t RETURNING id),"
            + " c AS (INSERT INTO platform.template_control (version_id, control_id, family, title,"
            + " description, mandatory, nature, position) SELECT id, 'LIB-1', 'Library', 'Theirs',"
            + " 'The library''s control', true, 'PREVENTATIVE', 0 FROM v RETURNING id)"
            + " INSERT INTO platform.template_control_action (control_id, action_id)"
            + " SELECT c.id, la.id FROM c, platform.library_action la"
            + " WHERE la.action_key = 'unique-user-ids'",
        key);
    try {
      List<Map<String, Object>> listed =
          Api.as(admin)
              .get("/tenants/" + tenant + "/templates")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("findAll { it.key == '" + key + "' }");
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0)).containsEntry("kind", "PRIVATE");
      long second = Platform.createAssessment(admin, tenant, group, "Own law again " + key, key);
      for (long id : List.of(first, second)) {
        JsonPath detail =
            Api.as(admin)
                .get("/tenants/" + tenant + "/assessments/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(detail.getList("controls.id", String.class)).containsExactly("OWN-1");
      }
      assertThat(
              Api.as(admin)
                  .get("/tenants/" + tenant + "/template-updates")
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath()
                  .getList("findAll { it.template == '" + key + "' }"))
          .as("no update to the library's template of the same key")
          .isEmpty();
    } finally {
      TestDatabase.update(
          "DELETE FROM platform.template_control_action WHERE control_id IN (SELECT c.id FROM"
              + " platform.template_control c JOIN platform.template_version v ON v.id = c.version_id"
              + " JOIN platform.template t ON t.id = v.template_id WHERE t.template_key = ?)",
          key);
      TestDatabase.update(
          "DELETE FROM platform.template_control WHERE version_id IN (SELECT v.id FROM"
              + " platform.template_version v JOIN platform.template t ON t.id = v.template_id"
              + " WHERE t.template_key = ?)",
          key);
      TestDatabase.update(
          "DELETE FROM platform.template_version WHERE template_id IN (SELECT id FROM"
              + " platform.template WHERE template_key = ?)",
          key);
      TestDatabase.update("DELETE FROM platform.template WHERE template_key = ?", key);
    }
  }

  private static Map<String, Object> template(
      String key, List<Object> actions, List<Object> controls) {
    Map<String, Object> body = new HashMap<>();
    body.put("key", key);
    body.put("title", "Template " + key);
    body.put("regulation", "Rules of " + key);
    body.put("actions", actions);
    body.put("controls", controls);
    return body;
  }

  private static Map<String, Object> action(String key, int points) {
    return Map.of(
        "key",
        key,
        "title",
        "Do " + key,
        "description",
        "What " + key + " means",
        "type",
        "OPERATIONAL",
        "points",
        points,
        "category",
        "Manage compliance");
  }

  private static Map<String, Object> control(String id, List<String> actions) {
    return Map.of(
        "id",
        id,
        "family",
        "Acme",
        "title",
        "Control " + id,
        "description",
        "Requirement " + id,
        "mandatory",
        true,
        "nature",
        "preventative",
        "actions",
        actions);
  }
}
