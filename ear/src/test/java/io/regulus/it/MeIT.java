package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeIT {

  @Test
  void callerSeesTheirTenantsAndRolesFromTheToken() {
    JsonPath me =
        Api.as(KeycloakClient.token("connor"))
            .get("/me")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(me.getString("username")).isEqualTo("connor");
    assertThat(me.getString("subject")).isNotBlank();
    assertThat(me.getList("tenants", Map.class))
        .containsExactly(
            Map.of("tenant", "acme", "role", "admin"),
            Map.of("tenant", "globex", "role", "reader"));
    assertThat(me.getList("platformRoles")).isEmpty();
  }

  @Test
  void platformOperatorHasThePlatformRoleAndNoTenant() {
    JsonPath me =
        Api.as(KeycloakClient.token("olivia"))
            .get("/me")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(me.getList("platformRoles")).isEqualTo(List.of("platform-operator"));
    assertThat(me.getList("tenants")).isEmpty();
  }

  @Test
  void noTokenIsA401Problem() {
    Api.anonymous()
        .get("/me")
        .then()
        .statusCode(401)
        .contentType(Api.PROBLEM)
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("status", equalTo(401))
        .body("title", equalTo("Authentication required"))
        .body("detail", containsString("Authorization: Bearer"))
        .body("instance", containsString("urn:uuid:"));
  }

  @Test
  void basicAuthenticationIsNotAccepted() {
    Api.anonymous()
        .header("Authorization", "Basic YWxpY2U6cmVndWx1cy1kZW1v")
        .get("/me")
        .then()
        .statusCode(401)
        .contentType(Api.PROBLEM)
        .body("detail", containsString("Only bearer tokens"));
  }
}
