package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Consulting firms: a firm administrator creates and runs its clients; a consultant reaches the
 * ones assigned.
 */
class FirmsIT {

  @Test
  void consultantWithAdminInXAndReaderInYWritesInXAndOnlyReadsInY() {
    String firm = Platform.firm("advisors");
    String x = Platform.tenant("client-x", firm);
    String y = Platform.tenant("client-y", firm);
    String consultant =
        KeycloakClient.token(
            KeycloakClient.createUser(
                "consultant",
                "/firms/" + firm + "/consultant",
                "/tenants/" + x + "/admin",
                "/tenants/" + y + "/reader"));

    Platform.createGroup(consultant, x, "written by the consultant");
    Api.as(consultant).get("/tenants/" + y + "/assessment-groups").then().statusCode(200);
    String name = Api.unique("not-in-y");
    Api.as(consultant)
        .body(Map.of("name", name))
        .post("/tenants/" + y + "/assessment-groups")
        .then()
        .statusCode(403)
        .body("detail", containsString("is reader"));
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema(y) + ".assessment_group WHERE name = ?", name))
        .isZero();
    // a consultant reaches only the clients they are assigned to
    String z = Platform.tenant("client-z", firm);
    Api.as(consultant).get("/tenants/" + z + "/assessment-groups").then().statusCode(403);
    Api.as(consultant).get("/firms/" + firm + "/tenants").then().statusCode(200);
    Api.as(consultant)
        .body(Map.of("slug", Api.unique("nope")))
        .post("/firms/" + firm + "/tenants")
        .then()
        .statusCode(403);
  }

  @Test
  void firmAdministratorCreatesClientsForTheirFirmOnlyAndRunsThem() {
    String firm = Platform.firm("fa");
    String other = Platform.firm("fb");
    String firmAdmin =
        KeycloakClient.token(KeycloakClient.createUser("firm-admin", "/firms/" + firm + "/admin"));

    String client = Api.unique("newclient");
    Api.as(firmAdmin)
        .body(Map.of("slug", client, "displayName", "New Client"))
        .post("/firms/" + firm + "/tenants")
        .then()
        .statusCode(201)
        .body("firm", equalTo(firm))
        .body("status", equalTo("ACTIVE"));
    Api.as(firmAdmin)
        .get("/firms/" + firm + "/tenants")
        .then()
        .statusCode(200)
        .body("slug", org.hamcrest.Matchers.hasItem(client));
    // admin in every client of the firm, without a per-tenant group
    Platform.createGroup(firmAdmin, client, "set up by the firm");

    String elsewhere = Api.unique("stolen");
    Api.as(firmAdmin)
        .body(Map.of("slug", elsewhere))
        .post("/firms/" + other + "/tenants")
        .then()
        .statusCode(403);
    Api.as(firmAdmin)
        .body(Map.of("slug", elsewhere, "firm", other))
        .post("/firms/" + firm + "/tenants")
        .then()
        .statusCode(403);
    Api.as(firmAdmin)
        .body(Map.of("slug", elsewhere))
        .post("/platform/tenants")
        .then()
        .statusCode(403);
    assertThat(TestDatabase.count("SELECT count(*) FROM platform.tenant WHERE slug = ?", elsewhere))
        .isZero();

    // another firm's clients, and direct customers, stay out of reach
    String otherClient = Platform.tenant("other-client", other);
    Api.as(firmAdmin).get("/tenants/" + otherClient + "/assessment-groups").then().statusCode(403);
    Api.as(firmAdmin)
        .get("/tenants/" + Platform.tenant("direct", null) + "/assessment-groups")
        .then()
        .statusCode(403);
    // a slug taken by another firm's client is not handed over
    Api.as(firmAdmin)
        .body(Map.of("slug", otherClient))
        .post("/firms/" + firm + "/tenants")
        .then()
        .statusCode(409);
  }

  private static String schema(String slug) {
    return "tenant_" + slug.replace('-', '_');
  }
}
