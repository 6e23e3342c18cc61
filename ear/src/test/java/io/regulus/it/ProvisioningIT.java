package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisioningIT {

  private static String operator() {
    return KeycloakClient.token("olivia");
  }

  @Test
  void provisioningCreatesAMigratedSchemaAndTwiceChangesNothing() {
    String slug = Api.unique("prov");
    String schema = "tenant_" + slug.replace('-', '_');

    Api.as(operator())
        .body(Map.of("slug", slug, "displayName", "Provisioned Ltd"))
        .post("/platform/tenants")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/platform/tenants/" + slug))
        .body("status", equalTo("ACTIVE"))
        .body("displayName", equalTo("Provisioned Ltd"));
    assertThat(TestDatabase.schemaExists(schema)).isTrue();
    long migrations =
        TestDatabase.count("SELECT count(*) FROM " + schema + ".flyway_schema_history");
    long schemas = TestDatabase.schemas();

    Api.as(operator())
        .body(Map.of("slug", slug, "displayName", "Provisioned Ltd"))
        .post("/platform/tenants")
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug));

    assertThat(TestDatabase.count("SELECT count(*) FROM platform.tenant WHERE slug = ?", slug))
        .isEqualTo(1);
    assertThat(TestDatabase.count("SELECT count(*) FROM " + schema + ".flyway_schema_history"))
        .isEqualTo(migrations);
    assertThat(TestDatabase.schemas()).isEqualTo(schemas);
    Api.as(operator())
        .get("/platform/tenants/" + slug)
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"));
  }

  @Test
  void twoRequestsForOneSlugAtTheSameMomentCreateOneTenant() throws Exception {
    String slug = Api.unique("race");
    String token = operator();
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return Api.as(token)
                      .body(Map.of("slug", slug))
                      .post("/platform/tenants")
                      .statusCode();
                }));
      }
      start.countDown();
      java.util.List<Integer> statuses = new java.util.ArrayList<>();
      for (var call : calls) {
        statuses.add(call.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.tenant WHERE slug = ? AND status = 'ACTIVE'", slug))
        .isEqualTo(1);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM tenant_"
                    + slug.replace('-', '_')
                    + ".flyway_schema_history WHERE success"))
        .isEqualTo(
            TestDatabase.count(
                "SELECT count(*) FROM tenant_acme.flyway_schema_history WHERE success"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "a;drop",
        "UPPER",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd"
      })
  void unsafeSlugsAreRefusedWith400AndCreateNothing(String slug) {
    long schemas = TestDatabase.schemas();
    long tenants = TestDatabase.count("SELECT count(*) FROM platform.tenant");

    Api.as(operator())
        .body(Map.of("slug", slug))
        .post("/platform/tenants")
        .then()
        .statusCode(400)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("slug"));

    assertThat(TestDatabase.schemas()).isEqualTo(schemas);
    assertThat(TestDatabase.count("SELECT count(*) FROM platform.tenant")).isEqualTo(tenants);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "platform",
        "public",
        "information-schema",
        "pg-catalog",
        "pgadmin",
        "regulus",
        "regulus-support",
        "keycloak",
        "admin",
        "api"
      })
  void reservedSlugsAreRefusedForTenantsAndFirmsAndCreateNothing(String slug) {
    long schemas = TestDatabase.schemas();
    long tenants = TestDatabase.count("SELECT count(*) FROM platform.tenant");
    long firms = TestDatabase.count("SELECT count(*) FROM platform.firm");

    for (String path : List.of("/platform/tenants", "/platform/firms")) {
      Api.as(operator())
          .body(Map.of("slug", slug, "displayName", "Reserved"))
          .post(path)
          .then()
          .statusCode(400)
          .contentType(Api.PROBLEM)
          .body("errors[0].field", equalTo("slug"))
          .body("detail", containsString("reserved"));
    }

    assertThat(TestDatabase.schemas()).isEqualTo(schemas);
    assertThat(TestDatabase.count("SELECT count(*) FROM platform.tenant")).isEqualTo(tenants);
    assertThat(TestDatabase.count("SELECT count(*) FROM platform.firm")).isEqualTo(firms);
  }

  @Test
  void missingSlugIs400() {
    Api.as(operator())
        .body(Map.of("displayName", "No slug"))
        .post("/platform/tenants")
        .then()
        .statusCode(400)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("slug"));
  }

  @Test
  void onlyPlatformOperatorsProvision() {
    String slug = Api.unique("nope");
    Api.as(KeycloakClient.token("alice"))
        .body(Map.of("slug", slug))
        .post("/platform/tenants")
        .then()
        .statusCode(403)
        .contentType(Api.PROBLEM);
    assertThat(TestDatabase.count("SELECT count(*) FROM platform.tenant WHERE slug = ?", slug))
        .isZero();
  }
}
