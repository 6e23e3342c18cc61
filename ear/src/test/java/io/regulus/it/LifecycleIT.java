package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A platform operator takes a tenant through its whole life: provision, suspend, resume, export,
 * import as a new tenant (the same rows), delete; every step is in the audit log.
 */
class LifecycleIT {

  private static final String ROWS =
      "SELECT row_to_json(g)::text FROM %s.assessment_group g ORDER BY id";

  @Test
  void suspendedTenantAnswers403ToItsMembersWhilePlatformCallsWork() {
    String tenant = Platform.tenant("susp", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    Platform.createGroup(admin, tenant, "before");

    Platform.suspend(tenant);

    Api.as(admin)
        .get("/tenants/" + tenant + "/assessment-groups")
        .then()
        .statusCode(403)
        .contentType(Api.PROBLEM)
        .body("detail", containsString("is suspended"));
    Api.as(admin)
        .body(Map.of("name", "during"))
        .post("/tenants/" + tenant + "/assessment-groups")
        .then()
        .statusCode(403)
        .body("detail", containsString("is suspended"));
    // someone who is not a member does not learn that it is suspended
    Api.as(KeycloakClient.token("alice"))
        .get("/tenants/" + tenant + "/assessment-groups")
        .then()
        .statusCode(403)
        .body("detail", equalTo("You are not a member of tenant '" + tenant + "'."));
    Api.as(Platform.operator())
        .get("/platform/tenants/" + tenant)
        .then()
        .statusCode(200)
        .body("status", equalTo("SUSPENDED"));
    Api.as(Platform.operator())
        .post("/platform/tenants/" + tenant + "/suspend")
        .then()
        .statusCode(409)
        .contentType(Api.PROBLEM);

    Api.as(Platform.operator())
        .post("/platform/tenants/" + tenant + "/resume")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
    Api.as(admin)
        .get("/tenants/" + tenant + "/assessment-groups")
        .then()
        .statusCode(200)
        .body("name", hasItems("before"));
  }

  @Test
  void exportImportedAsANewTenantHoldsTheSameRowsAndNewRowsGetFreshIds() {
    String source = Platform.tenant("exp", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(source, "admin"));
    for (String name : List.of("FY2027", "EU subsidiaries", "Ünïcödé & \"quotes\"")) {
      Platform.createGroup(admin, source, name);
    }
    long exportId = Platform.export(source);
    byte[] archive = Platform.archive(source, exportId);

    String copy = Api.unique("imp");
    Api.as(Platform.operator())
        .contentType("application/zip")
        .body(archive)
        .post("/platform/tenants/" + copy + "/import")
        .then()
        .statusCode(201)
        .body("status", equalTo("ACTIVE"));

    List<String> original = TestDatabase.rows(ROWS.formatted(schema(source)));
    assertThat(original).hasSize(3);
    assertThat(TestDatabase.rows(ROWS.formatted(schema(copy)))).isEqualTo(original);

    // the identity sequence was moved past the imported ids
    String copyAdmin = KeycloakClient.token(KeycloakClient.createMember(copy, "admin"));
    long next = Platform.createGroup(copyAdmin, copy, "after import");
    assertThat(TestDatabase.count("SELECT count(*) FROM " + schema(copy) + ".assessment_group"))
        .isEqualTo(4);
    assertThat(next)
        .isGreaterThan(
            TestDatabase.count("SELECT max(id) FROM " + schema(source) + ".assessment_group"));
  }

  @Test
  void aBrokenArchiveIsRefusedAndCreatesNothing() {
    String slug = Api.unique("broken");
    long schemas = TestDatabase.schemas();

    Api.as(Platform.operator())
        .contentType("application/zip")
        .body("not a zip".getBytes())
        .post("/platform/tenants/" + slug + "/import")
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("archive"));

    assertThat(TestDatabase.count("SELECT count(*) FROM platform.tenant WHERE slug = ?", slug))
        .isZero();
    assertThat(TestDatabase.schemas()).isEqualTo(schemas);
  }

  @Test
  void deleteNeedsASuspensionAndAnExportSinceThenAndLeavesATombstone() {
    String tenant = Platform.tenant("del", null);
    String member = KeycloakClient.createMember(tenant, "admin");
    Platform.createGroup(KeycloakClient.token(member), tenant, "doomed");
    long earlyExport = Platform.export(tenant);

    Api.as(Platform.operator())
        .delete("/platform/tenants/" + tenant)
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("detail", containsString("suspended"));
    Platform.suspend(tenant);
    Api.as(Platform.operator())
        .delete("/platform/tenants/" + tenant)
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("detail", containsString("no export taken since it was suspended"));
    assertThat(TestDatabase.schemaExists(schema(tenant))).isTrue();

    long finalExport = Platform.export(tenant);
    Api.as(Platform.operator())
        .delete("/platform/tenants/" + tenant)
        .then()
        .statusCode(200)
        .body("status", equalTo("DELETED"));

    assertThat(TestDatabase.schemaExists(schema(tenant))).isFalse();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.tenant WHERE slug = ? AND status = 'DELETED'",
                tenant))
        .isEqualTo(1);
    assertThat(KeycloakClient.groupExists("/tenants/" + tenant)).isFalse();
    // the exports outlive the tenant; the slug is never given out again
    assertThat(Platform.archive(tenant, finalExport)).isNotEmpty();
    assertThat(earlyExport).isLessThan(finalExport);
    Api.as(Platform.operator())
        .body(Map.of("slug", tenant))
        .post("/platform/tenants")
        .then()
        .statusCode(409)
        .body("errors[0].field", equalTo("slug"));
    Api.as(KeycloakClient.token(member))
        .get("/tenants/" + tenant + "/assessment-groups")
        .then()
        .statusCode(403);

    List<String> actions =
        Api.as(Platform.operator())
            .queryParam("tenant", tenant)
            .get("/platform/audit-events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("action", String.class);
    assertThat(actions)
        .containsSubsequence(
            "tenant.deleted",
            "tenant.exported",
            "tenant.suspended",
            "tenant.exported",
            "tenant.provisioned");
  }

  private static String schema(String slug) {
    return "tenant_" + slug.replace('-', '_');
  }
}
