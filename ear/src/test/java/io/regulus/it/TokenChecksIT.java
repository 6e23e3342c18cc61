package io.regulus.it;

import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tokens that Keycloak really issued, but that must not open the API. */
class TokenChecksIT {

  private static void refused(String token, String reason) {
    Api.as(token).get("/me").then().statusCode(401).contentType(Api.PROBLEM).body("detail", containsString(reason));
  }

  @Test
  void expiredTokenIsRefused() throws InterruptedException {
    String token = KeycloakClient.token(KeycloakClient.URL, KeycloakClient.shortLivedClient(), "alice");
    Api.as(token).get("/me").then().statusCode(200);

    Thread.sleep(2_100);

    refused(token, "expired");
  }

  @Test
  void tokenOfAnotherIssuerIsRefused() {
    // same Keycloak, same keys, reached as "localhost": its tokens name another issuer than the configured one
    String token = KeycloakClient.token(KeycloakClient.URL.replace("127.0.0.1", "localhost"), "regulus-cli", "alice");

    refused(token, "another issuer");
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    // admin-cli of the same realm issues valid tokens without the Regulus API audience
    String token = KeycloakClient.token(KeycloakClient.URL, "admin-cli", "alice");

    refused(token, "audience");
  }

  @Test
  void tokenWithABadSignatureIsRefused() {
    String[] parts = KeycloakClient.token("alice").split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[10] ^= 0x01;

    refused(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature),
        "signature is not valid");
  }

  @Test
  void tokenWhosePayloadWasEditedIsRefused() {
    String[] parts = KeycloakClient.token("rita").split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("/tenants/acme/reader", "/tenants/acme/admin");

    refused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "." + parts[2], "signature is not valid");
  }

  @Test
  void garbageIsRefused() {
    refused("not-a-token", "not a signed JWT");
  }
}
