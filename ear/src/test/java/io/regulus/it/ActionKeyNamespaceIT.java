package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a tenant's own action keys ("tenant:name") and the library's (plain names) never
 * collide, so a new library version adding a key a tenant already uses can neither be refused nor
 * let the tenant's action stand in for the library's; existing tenants' own keys move into the
 * namespace with everything that names them.
 */
class ActionKeyNamespaceIT {

  private static String tenant;
  private static String schema;
  private static String admin;

  @BeforeAll
  static void build() {
    Platform.awaitReady();
    tenant = Platform.tenant("keys", null);
    schema = "tenant_" + tenant.replace('-', '_');
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
  }

  @Test
  void aLibraryVersionAddingATenantsKeyGetsTheLibrarysActionAndLeavesTheTenantsOwnAlone() {
    String name = Api.unique("vendor-review");
    String own = "tenant:" + name;
    long group = Platform.createGroup(admin, tenant, "FY2031");

    // a plain key names a library action: the tenant declares its own in its namespace
    Api.as(admin)
        .body(template(Api.unique("plain"), name, name))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("errors.field", org.hamcrest.Matchers.hasItem("actions[0].key"))
        .body(
            "detail",
            containsString(
                "your own actions' keys start with 'tenant:' ("
                    + own
                    + "), so that a new library"
                    + " version can never take them; a plain key names a library action"));
    String rules = Api.unique("vendor-rules");
    Api.as(admin)
        .body(template(rules, own, own))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);
    Platform.createAssessment(admin, tenant, group, "Vendors", rules);
    Map<String, Object> mine = instance(own);
    Platform.change(admin, tenant, mine.get("id"), Map.of("implementationStatus", "PLANNED"))
        .then()
        .statusCode(200);

    // a later library version adds the same name, plain, under a global template's control
    TestDatabase.update(
        "INSERT INTO platform.library_action (action_key, title, description, action_type, points,"
            + " category, testing_source, managed_by) VALUES (?, 'Review vendors as the library"
            + " says', 'The library''s review', 'TECHNICAL', 27, 'Manage compliance', 'MANUAL',"
            + " 'CUSTOMER')",
        name);
    String global = Api.unique("global-vendors");
    long templateId =
        TestDatabase.count(
            "INSERT INTO platform.template (template_key, title, regulation) VALUES (?, 'Global"
                + " vendor rules', 'Global vendor rules') RETURNING id",
            global);
    long versionId =
        TestDatabase.count(
            "INSERT INTO platform.template_version (template_id, version, published_at,"
                + " content_sha256) VALUES (?, '1', clock_timestamp(), repeat('0', 64)) RETURNING id",
            templateId);
    long controlId =
        TestDatabase.count(
            "INSERT INTO platform.template_control (version_id, control_id, family, title,"
                + " description, mandatory, nature, position) VALUES (?, 'L-1', 'Vendors', 'Vendors"
                + " reviewed', 'About it', true, 'PREVENTATIVE', 0) RETURNING id",
            versionId);
    TestDatabase.update(
        "INSERT INTO platform.template_control_action (control_id, action_id)"
            + " SELECT ?, id FROM platform.library_action WHERE action_key = ?",
        controlId,
        name);

    long assessment = Platform.createAssessment(admin, tenant, group, "Global vendors", global);
    JsonPath detail =
        Api.as(admin)
            .get("/tenants/" + tenant + "/assessments/" + assessment)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(detail.getList("controls[0].actions", String.class)).containsExactly(name);
    Map<String, Object> library = instance(name);
    assertThat(library.get("title")).isEqualTo("Review vendors as the library says");
    assertThat(library.get("points")).isEqualTo(27);
    assertThat(library.get("type")).isEqualTo("TECHNICAL");
    assertThat(library.get("id")).isNotEqualTo(mine.get("id"));
    assertThat(
            TestDatabase.rows(
                "SELECT action_key || ':' || origin || ':' || title FROM "
                    + schema
                    + ".action WHERE action_key IN ('"
                    + name
                    + "', '"
                    + own
                    + "') ORDER BY action_key"))
        .containsExactlyInAnyOrder(
            name + ":LIBRARY:Review vendors as the library says", own + ":TENANT:Do " + own);

    // the tenant's own action is untouched: same instance, status and content
    Map<String, Object> stillMine = instance(own);
    assertThat(stillMine.get("id")).isEqualTo(mine.get("id"));
    assertThat(stillMine.get("implementationStatus")).isEqualTo("PLANNED");
    assertThat(stillMine.get("title")).isEqualTo("Do " + own);
    assertThat(stillMine.get("points")).isEqualTo(6);

    // a next version maps both, each by its key; the action's page reads the tenant's key
    Api.as(admin)
        .body(Map.of("actions", List.of(), "controls", List.of(control("V-1", own, name))))
        .post("/tenants/" + tenant + "/templates/" + rules + "/versions")
        .then()
        .statusCode(201);
    Api.as(admin)
        .get("/tenants/" + tenant + "/actions/" + mine.get("id"))
        .then()
        .statusCode(200)
        .body("key", org.hamcrest.Matchers.equalTo(own));
  }

  /**
   * A tenant schema as it was before the namespace (migration 8), with a plain key of its own, its
   * instance, history, a child naming it as parent and the mappings, migrated: every own key is in
   * the namespace (a long one kept within 80 characters), the library's copy keeps its key, and
   * everything referring to the actions by id is as it was.
   */
  @Test
  void existingTenantsOwnKeysMoveIntoTheNamespaceWithEverythingThatNamesThem()
      throws SQLException, IOException {
    String scratch = "tenant_keys_" + Long.toHexString(System.nanoTime());
    String longKey = "a" + "-long-key".repeat(8) + "-x";
    try {
      migrate(scratch, "8");
      try (Connection db = TestDatabase.connect();
          Statement sql = db.createStatement()) {
        sql.execute("SET search_path TO " + scratch);
        sql.execute(
            "INSERT INTO assessment_group (id, name, created_at, created_by) VALUES"
                + " (1, 'G1', now(), 'it')");
        sql.execute(
            "INSERT INTO action (id, action_key, origin, title, description, action_type, points,"
                + " category, testing_source, parent_key, managed_by) VALUES"
                + " (1, 'vendor-review', 'TENANT', 'Review', 'd', 'OPERATIONAL', 6, 'c', 'MANUAL',"
                + " NULL, 'CUSTOMER'),"
                + " (2, 'mfa-for-administrators', 'LIBRARY', 'MFA', 'd', 'TECHNICAL', 27, 'c',"
                + " 'MANUAL', NULL, 'CUSTOMER'),"
                + " (3, 'vendor-follow-up', 'TENANT', 'Follow up', 'd', 'OPERATIONAL', 3, 'c',"
                + " 'PARENT', 'vendor-review', 'CUSTOMER'),"
                + " (4, '"
                + longKey
                + "', 'TENANT', 'Long', 'd', 'OPERATIONAL', 1, 'c', 'MANUAL', NULL, 'CUSTOMER')");
        sql.execute(
            "INSERT INTO private_template (id, template_key, title, regulation, created_at,"
                + " created_by) VALUES (1, 'p', 'P', 'R', now(), 'it')");
        sql.execute(
            "INSERT INTO private_template_version (id, template_id, version, published_at,"
                + " published_by) VALUES (1, 1, 1, now(), 'it')");
        sql.execute(
            "INSERT INTO private_control (id, version_id, control_id, family, title, description,"
                + " mandatory, nature, position) VALUES (1, 1, 'P1', 'f', 't', 'd', true,"
                + " 'DETECTIVE', 0)");
        sql.execute(
            "INSERT INTO private_control_action (control_id, action_id) VALUES (1, 1), (1, 2),"
                + " (1, 3), (1, 4)");
        sql.execute(
            "INSERT INTO private_version_action (version_id, action_id, title, description,"
                + " action_type, points, category) VALUES (1, 1, 'Review', 'd', 'OPERATIONAL', 6,"
                + " 'c')");
        sql.execute(
            "INSERT INTO assessment (id, group_id, name, template_key, template_version,"
                + " regulation, scope_kind, scope_name, created_at, created_by) VALUES"
                + " (1, 1, 'A1', 'p', '1', 'R', 'PRODUCT', 'p', now(), 'it')");
        sql.execute(
            "INSERT INTO assessment_control (id, assessment_id, control_id, family, title,"
                + " description, mandatory, nature, position, from_extension) VALUES"
                + " (1, 1, 'P1', 'f', 't', 'd', true, 'DETECTIVE', 0, false)");
        sql.execute(
            "INSERT INTO assessment_control_action (control_id, action_id) VALUES (1, 1), (1, 2),"
                + " (1, 3), (1, 4)");
        sql.execute(
            "INSERT INTO action_instance (id, action_id, group_id, implementation_status,"
                + " implementation_date) VALUES (1, 1, 1, 'IMPLEMENTED', current_date),"
                + " (2, 2, NULL, 'PLANNED', NULL), (3, 3, 1, 'NOT_IMPLEMENTED', NULL)");
        sql.execute("UPDATE action_instance SET parent_instance_id = 1 WHERE id = 3");
        sql.execute(
            "INSERT INTO action_history (instance_id, action_key, group_id, field, old_value,"
                + " new_value, changed_by, changed_at) VALUES"
                + " (1, 'vendor-review', 1, 'implementationStatus', 'NOT_IMPLEMENTED',"
                + " 'IMPLEMENTED', 'it', now()),"
                + " (2, 'mfa-for-administrators', NULL, 'implementationStatus', 'NOT_IMPLEMENTED',"
                + " 'PLANNED', 'it', now()),"
                + " (99, 'vendor-review', 1, 'instance', 'PLANNED / NONE', 'removed', 'it', now())");
      }
      List<String> mappings = mappings(scratch);
      List<String> instances = instances(scratch);

      migrate(scratch, null);
      List<String> keys =
          TestDatabase.rows(
              "SELECT action_key || ' ' || coalesce(parent_key, '-') FROM "
                  + scratch
                  + ".action ORDER BY id");
      assertThat(keys.subList(0, 3))
          .containsExactly(
              "tenant:vendor-review -",
              "mfa-for-administrators -",
              "tenant:vendor-follow-up tenant:vendor-review");
      String migratedLong = keys.get(3).split(" ")[0];
      assertThat(migratedLong)
          .startsWith("tenant:a-long-key-long-key")
          .hasSizeLessThanOrEqualTo(80)
          .matches("tenant:[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(
              TestDatabase.rows(
                  "SELECT instance_id || ' ' || action_key FROM "
                      + scratch
                      + ".action_history ORDER BY id"))
          .containsExactly(
              "1 tenant:vendor-review", "2 mfa-for-administrators", "99 tenant:vendor-review");
      assertThat(mappings(scratch)).isEqualTo(mappings);
      assertThat(instances(scratch)).isEqualTo(instances);

      // the renaming again changes nothing, and the catalogue refuses an own key outside the space
      try (Connection db = TestDatabase.connect()) {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement();
            InputStream in =
                ActionKeyNamespaceIT.class.getResourceAsStream(
                    "/db/tenant/V9__tenant_action_namespace.sql")) {
          sql.execute("SET search_path TO " + scratch);
          sql.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        db.commit();
      }
      assertThat(
              TestDatabase.rows(
                  "SELECT action_key || ' ' || coalesce(parent_key, '-') FROM "
                      + scratch
                      + ".action ORDER BY id"))
          .isEqualTo(keys);
      try (Connection db = TestDatabase.connect();
          Statement sql = db.createStatement()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () ->
                    sql.execute(
                        "INSERT INTO "
                            + scratch
                            + ".action (action_key, origin, title, description, action_type,"
                            + " points, category, testing_source, managed_by) VALUES ('plain',"
                            + " 'TENANT', 't', 'd', 'OPERATIONAL', 1, 'c', 'MANUAL', 'CUSTOMER')"))
            .hasMessageContaining("action_key_namespace");
      }
    } finally {
      try (Connection db = TestDatabase.connect();
          Statement sql = db.createStatement()) {
        sql.execute("DROP SCHEMA IF EXISTS " + scratch + " CASCADE");
      }
    }
  }

  private static List<String> mappings(String schema) {
    return TestDatabase.rows(
        "SELECT 'private ' || control_id || ':' || action_id FROM "
            + schema
            + ".private_control_action UNION ALL SELECT 'assessment ' || control_id || ':' ||"
            + " action_id FROM "
            + schema
            + ".assessment_control_action UNION ALL SELECT 'declared ' || version_id || ':' ||"
            + " action_id FROM "
            + schema
            + ".private_version_action ORDER BY 1");
  }

  private static List<String> instances(String schema) {
    return TestDatabase.rows(
        "SELECT id || ':' || action_id || ':' || coalesce(group_id::text, '-') || ':'"
            + " || implementation_status || ':' || coalesce(parent_instance_id::text, '-') FROM "
            + schema
            + ".action_instance ORDER BY id");
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

  private Map<String, Object> instance(String key) {
    return Platform.actions(admin, tenant).stream()
        .filter(action -> key.equals(action.get("key")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no instance of " + key));
  }

  private static Map<String, Object> template(String key, String declared, String mapped) {
    return Map.of(
        "key",
        key,
        "title",
        "Vendor rules " + key,
        "regulation",
        "Vendor rules",
        "actions",
        List.of(
            Map.of(
                "key",
                declared,
                "title",
                "Do " + declared,
                "description",
                "Why " + declared,
                "type",
                "OPERATIONAL",
                "points",
                6,
                "category",
                "Manage compliance")),
        "controls",
        List.of(control("V-1", mapped)));
  }

  private static Map<String, Object> control(String id, String... actions) {
    return Map.of(
        "id",
        id,
        "family",
        "Vendors",
        "title",
        "Vendors reviewed",
        "description",
        "About " + id,
        "mandatory",
        true,
        "nature",
        "PREVENTATIVE",
        "actions",
        List.of(actions));
  }
}
