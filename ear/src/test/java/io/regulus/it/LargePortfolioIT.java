package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consultant who reaches 200 client tenants through per-tenant groups: the token carries all 200
 * paths, and the server still accepts it in one request header. Prints the token's size
 * (docs/identity.md, bench/RESULTS.md).
 */
class LargePortfolioIT {

  private static final int TENANTS = 200;

  @Test
  void consultantOfTwoHundredTenantsGetsATokenTheServerAccepts() {
    String prefix = Api.unique("pf");
    Map<String, String> roles = new LinkedHashMap<>();
    for (int i = 0; i < TENANTS; i++) {
      roles.put(prefix + "-client-" + String.format("%03d", i), i % 2 == 0 ? "admin" : "reader");
    }
    String token =
        KeycloakClient.token(
            KeycloakClient.createUser(
                "portfolio",
                roles.entrySet().stream()
                    .map(e -> "/tenants/" + e.getKey() + "/" + e.getValue())
                    .toArray(String[]::new)));

    List<Object> tenants =
        Api.as(token).get("/me").then().statusCode(200).extract().jsonPath().getList("tenants");
    assertThat(tenants).hasSize(TENANTS);
    int payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)
            .length();
    String peer =
        KeycloakClient.token(KeycloakClient.createMember(prefix + "-client-000", "admin"));
    System.out.printf(
        "token of a consultant in %d tenants: %d bytes (payload %d bytes of JSON); of a member of one tenant: %d bytes%n",
        TENANTS, token.length(), payload, peer.length());
  }
}
