package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenant A's data never reaches tenant B, checked in the responses and in the database. */
class TenantIsolationIT {

  private static final String ACME = "acme";
  private static final String GLOBEX = "globex";

  private static long createGroup(String token, String tenant, String name) {
    return Api.as(token)
        .body(
            Map.of(
                "name",
                name,
                "description",
                "created by " + TenantIsolationIT.class.getSimpleName()))
        .post("/tenants/" + tenant + "/assessment-groups")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/tenants/" + tenant + "/assessment-groups/"))
        .extract()
        .<Integer>path("id")
        .longValue();
  }

  @Test
  void rowCreatedThroughTenantAIsInSchemaAOnlyAndInvisibleToB() {
    String name = Api.unique("FY2027");
    long id = createGroup(KeycloakClient.token("alice"), ACME, name);

    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM tenant_acme.assessment_group WHERE id = ? AND name = ?",
                id,
                name))
        .isEqualTo(1);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM tenant_globex.assessment_group WHERE name = ?", name))
        .isZero();

    String gina = KeycloakClient.token("gina");
    assertThat(
            Api.as(gina)
                .queryParam("size", 500)
                .get("/tenants/globex/assessment-groups")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name", String.class))
        .doesNotContain(name);
    // A's id on B's URL with B's token: not there
    Api.as(gina)
        .get("/tenants/globex/assessment-groups/" + id)
        .then()
        .statusCode(404)
        .contentType(Api.PROBLEM);
    // A's id on A's URL with B's token: not a member
    Api.as(gina)
        .get("/tenants/acme/assessment-groups/" + id)
        .then()
        .statusCode(403)
        .contentType(Api.PROBLEM);
    Api.as(gina)
        .get("/tenants/acme/assessment-groups")
        .then()
        .statusCode(403)
        .contentType(Api.PROBLEM);
  }

  @Test
  void tenantAUserCallingTenantBGets403AndChangesNothing() {
    String name = Api.unique("intruder");

    Api.as(KeycloakClient.token("alice"))
        .body(Map.of("name", name))
        .post("/tenants/globex/assessment-groups")
        .then()
        .statusCode(403)
        .contentType(Api.PROBLEM)
        .body("detail", equalTo("You are not a member of tenant 'globex'."));

    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM tenant_globex.assessment_group WHERE name = ?", name))
        .isZero();
  }

  @Test
  void consultantWritesWhereAdminAndOnlyReadsWhereReader() {
    String connor = KeycloakClient.token("connor");
    createGroup(connor, ACME, Api.unique("consulting"));

    String name = Api.unique("not-allowed");
    Api.as(connor)
        .body(Map.of("name", name))
        .post("/tenants/globex/assessment-groups")
        .then()
        .statusCode(403)
        .body(
            "detail", containsString("is reader; only the tenant's admins may manage assessments"));
    Api.as(connor).get("/tenants/globex/assessment-groups").then().statusCode(200);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM tenant_globex.assessment_group WHERE name = ?", name))
        .isZero();
  }

  @Test
  void readerAndContributorCannotCreateGroups() {
    for (String user : new String[] {"rita", "bob"}) {
      Api.as(KeycloakClient.token(user))
          .body(Map.of("name", Api.unique("nope")))
          .post("/tenants/acme/assessment-groups")
          .then()
          .statusCode(403)
          .contentType(Api.PROBLEM);
    }
  }

  @Test
  void sameNameInTwoTenantsIsFineButNotTwiceInOne() {
    String name = Api.unique("EU subsidiaries");
    createGroup(KeycloakClient.token("alice"), ACME, name);
    createGroup(KeycloakClient.token("gina"), GLOBEX, name);

    Api.as(KeycloakClient.token("alice"))
        .body(Map.of("name", name.toUpperCase()))
        .post("/tenants/acme/assessment-groups")
        .then()
        .statusCode(409)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("name"));
  }

  @Test
  void invalidGroupNamesAre400NamingTheField() {
    String alice = KeycloakClient.token("alice");
    Api.as(alice)
        .body(Map.of("name", " "))
        .post("/tenants/acme/assessment-groups")
        .then()
        .statusCode(400)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("name"));
    Api.as(alice)
        .body(Map.of("name", "x".repeat(121)))
        .post("/tenants/acme/assessment-groups")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("name"));
    Api.as(alice)
        .body("{not json")
        .post("/tenants/acme/assessment-groups")
        .then()
        .statusCode(400)
        .contentType(Api.PROBLEM);
  }

  @Test
  void unknownTenantIs403ForNonMembersSoNothingLeaks() {
    Api.as(KeycloakClient.token("alice"))
        .get("/tenants/" + Api.unique("nobody") + "/assessment-groups")
        .then()
        .statusCode(403)
        .contentType(Api.PROBLEM);
    Api.as(KeycloakClient.token("alice"))
        .get("/tenants/..%2Fx/assessment-groups")
        .then()
        .statusCode(403);
  }
}
