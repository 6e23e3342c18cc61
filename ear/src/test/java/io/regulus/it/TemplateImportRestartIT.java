package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An import is a restartable job: stopped while it stages, it leaves nothing; killed with the
 * server in the middle of its chunk step and restarted, it publishes exactly the version an
 * uninterrupted import of the same file publishes, row by row.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TemplateImportRestartIT {

  static final int ACTIONS = 30_000;
  static String tenant;
  static String admin;
  static byte[] workbook;

  @BeforeAll
  static void setUp() throws IOException {
    Platform.awaitReady();
    tenant = Platform.tenant("restart", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    workbook = GeneratedWorkbook.of(ACTIONS);
  }

  @Test
  @Order(1)
  void aStoppedImportLeavesNothing() {
    String key = Api.unique("stopped");
    long id = start(key);
    awaitStaging(id);
    Api.as(admin)
        .post("/tenants/{t}/template-imports/{id}/stop", tenant, id)
        .then()
        .statusCode(200);
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("STOPPED");
    TemplateImportIT.assertNothingPublished(tenant, id, key);
  }

  @Test
  @Order(2)
  void anImportKilledWithTheServerAndRestartedPublishesTheSameVersion() throws Exception {
    String reference = Api.unique("whole");
    long whole = start(reference);
    assertThat(TemplateImports.finished(admin, tenant, whole).getString("status"))
        .isEqualTo("PUBLISHED");

    String key = Api.unique("killed");
    long id = start(key);
    JsonPath staging = awaitStaging(id);
    LibertyServer.kill();
    assertThat(staging.getInt("itemsWritten")).isLessThan(staging.getInt("itemsTotal"));
    LibertyServer.start();
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));

    JsonPath failed = TemplateImports.get(admin, tenant, id);
    assertThat(failed.getString("status")).as(failed.prettify()).isEqualTo("FAILED");
    assertThat(failed.getString("problems[0].reason")).contains("restart");
    assertThat(count("SELECT count(*) FROM platform.template_import_item WHERE import_id = ?", id))
        .as("the chunks committed before the kill are kept for the restart")
        .isPositive();
    assertThat(privateTemplates(key)).as("nothing published before the restart").isZero();

    Api.as(admin)
        .post("/tenants/{t}/template-imports/{id}/restart", tenant, id)
        .then()
        .statusCode(200);
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("PUBLISHED");

    String schema = "tenant_" + tenant.replace('-', '_');
    String controls =
        "SELECT c.control_id, c.family, c.title, c.description, c.mandatory, c.nature, c.position"
            + " FROM %1$s.private_control c JOIN %1$s.private_template_version v ON v.id = c.version_id"
            + " JOIN %1$s.private_template t ON t.id = v.template_id WHERE t.template_key = '%2$s'";
    String mappings =
        "SELECT c.control_id, a.action_key, a.title, a.description, a.points, a.action_type,"
            + " a.attributes::text FROM %1$s.private_control c"
            + " JOIN %1$s.private_control_action m ON m.control_id = c.id JOIN %1$s.action a ON a.id = m.action_id"
            + " JOIN %1$s.private_template_version v ON v.id = c.version_id"
            + " JOIN %1$s.private_template t ON t.id = v.template_id WHERE t.template_key = '%2$s'";
    for (String rows : List.of(controls, mappings)) {
      String ofKilled = String.format(rows, schema, key);
      String ofWhole = String.format(rows, schema, reference);
      assertThat(count("SELECT count(*) FROM (" + ofKilled + ") r"))
          .isEqualTo(count("SELECT count(*) FROM (" + ofWhole + ") r"))
          .isPositive();
      assertThat(count("SELECT count(*) FROM ((" + ofKilled + ") EXCEPT (" + ofWhole + ")) d"))
          .isZero();
      assertThat(count("SELECT count(*) FROM ((" + ofWhole + ") EXCEPT (" + ofKilled + ")) d"))
          .isZero();
    }
    assertThat(count("SELECT count(*) FROM platform.template_import_item WHERE import_id = ?", id))
        .isZero();
  }

  private static long start(String key) {
    return TemplateImports.start(admin, tenant, key, "excel", new ByteArrayInputStream(workbook));
  }

  /** Waits until the import has staged a first chunk and not its last. */
  private static JsonPath awaitStaging(long id) {
    return TemplateImports.await(
        admin,
        tenant,
        id,
        state -> {
          assertThat(state.getString("status")).isIn("QUEUED", "RUNNING");
          return state.getString("step").equals("STAGE") && state.getInt("itemsWritten") > 0;
        },
        Duration.ofMinutes(3));
  }

  private static long privateTemplates(String key) {
    return count(
        String.format(
            "SELECT count(*) FROM tenant_%s.private_template WHERE template_key = ?",
            tenant.replace('-', '_')),
        key);
  }

  private static long count(String sql, Object... parameters) {
    return TestDatabase.count(sql, parameters);
  }
}
