package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Map;

/** A tenant's machine clients as the tests make them, and their tokens (client credentials). */
public final class MachineClients {

  private MachineClients() {}

  /** A new machine client of the tenant, made by its admin: [clientId, secret]. */
  public static String[] make(String tenant, String admin) {
    Response made =
        Api.as(admin)
            .body(Map.of("name", "scanner of " + tenant))
            .post("/tenants/" + tenant + "/machine-clients");
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    assertThat(made.<String>path("tokenUrl")).endsWith("/protocol/openid-connect/token");
    return new String[] {made.path("client.clientId"), made.path("clientSecret")};
  }

  /** Keycloak's answer to the client-credentials grant. */
  public static Response tokenResponse(String clientId, String secret) {
    return RestAssured.given()
        .formParam("grant_type", "client_credentials")
        .formParam("client_id", clientId)
        .formParam("client_secret", secret)
        .post(KeycloakClient.URL + "/realms/regulus/protocol/openid-connect/token");
  }

  /** The access token of a client made by {@link #make}. */
  public static String token(String[] client) {
    Response token = tokenResponse(client[0], client[1]);
    assertThat(token.statusCode()).as(token.asString()).isEqualTo(200);
    return token.path("access_token");
  }
}
