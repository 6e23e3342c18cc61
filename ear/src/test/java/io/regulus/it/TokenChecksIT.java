package io.regulus.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Tokens that must not open the API, each answered 401 with the API's problem+json and a Bearer
 * challenge: real tokens Keycloak issued for another purpose (expired, another issuer, audience,
 * type or realm), and tokens forged here from a real one (edited payload or signature, no
 * algorithm, HS256 keyed with the realm's public key, a key the realm does not have).
 */
class TokenChecksIT {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /**
   * What the server says when only the signature, key, algorithm, issuer or audience can be at
   * fault.
   */
  private static final String NOT_VALID_HERE = "not valid here";

  private static void refused(RequestSpecification request, String reason) {
    request
        .get("/me")
        .then()
        .statusCode(401)
        .contentType(Api.PROBLEM)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("urn:regulus:problem:unauthenticated"))
        .body("title", equalTo("Authentication required"))
        .body("status", equalTo(401))
        .body("detail", containsString(reason))
        .body("instance", startsWith("urn:uuid:"));
  }

  private static void refused(String token, String reason) {
    refused(Api.as(token), reason);
  }

  @Test
  void noTokenIsRefused() {
    refused(Api.anonymous(), "Authorization: Bearer");
  }

  @Test
  void garbageIsRefused() {
    refused("not-a-token", "not a signed JWT");
  }

  @Test
  void expiredTokenIsRefused() throws InterruptedException {
    String token =
        KeycloakClient.token(KeycloakClient.URL, KeycloakClient.shortLivedClient(), "alice");
    Api.as(token).get("/me").then().statusCode(200);

    Thread.sleep(2_100);

    refused(token, "expired");
  }

  @Test
  void tokenOfAnotherIssuerIsRefused() {
    // same Keycloak, same keys, reached as "localhost": its tokens name another issuer than the
    // configured one
    String token =
        KeycloakClient.token(
            KeycloakClient.URL.replace("127.0.0.1", "localhost"), "regulus-cli", "alice");

    refused(token, NOT_VALID_HERE);
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    // admin-cli of the same realm issues valid tokens without the Regulus API audience
    String token = KeycloakClient.token(KeycloakClient.URL, "admin-cli", "alice");

    refused(token, NOT_VALID_HERE);
  }

  @Test
  void tokenOfTheMasterRealmIsRefused() {
    String token =
        KeycloakClient.tokenOfRealm("master", "admin-cli", "admin", "admin").path("access_token");

    refused(token, NOT_VALID_HERE);
  }

  @Test
  void idTokenIsRefused() {
    String idToken =
        KeycloakClient.tokenOfRealm("regulus", "regulus-cli", "alice", KeycloakClient.PASSWORD)
            .path("id_token");

    refused(idToken, NOT_VALID_HERE);
  }

  @Test
  void idTokenForTheApiAudienceIsRefusedForItsType() {
    // signed by the realm, right issuer, Regulus API audience, not expired: everything mpJwt checks
    // passes
    String idToken =
        KeycloakClient.tokenOfRealm(
                "regulus",
                KeycloakClient.clientWithApiAudienceInIdTokens(),
                "alice",
                KeycloakClient.PASSWORD)
            .path("id_token");

    refused(idToken, "Only access tokens");
  }

  @Test
  void refreshTokenIsRefused() {
    String refreshToken =
        KeycloakClient.tokenOfRealm("regulus", "regulus-cli", "alice", KeycloakClient.PASSWORD)
            .path("refresh_token");

    refused(refreshToken, NOT_VALID_HERE);
  }

  @Test
  void tokenWithABadSignatureIsRefused() {
    String[] parts = KeycloakClient.token("alice").split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[10] ^= 0x01;

    refused(parts[0] + "." + parts[1] + "." + BASE64URL.encodeToString(signature), NOT_VALID_HERE);
  }

  @Test
  void tokenWhosePayloadWasEditedIsRefused() {
    String[] parts = KeycloakClient.token("rita").split("\\.");
    String payload = decode(parts[1]).replace("/tenants/acme/reader", "/tenants/acme/admin");

    refused(parts[0] + "." + encode(payload) + "." + parts[2], NOT_VALID_HERE);
  }

  @Test
  void unsignedTokenIsRefused() {
    String payload = KeycloakClient.token("alice").split("\\.")[1];

    refused(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".", NOT_VALID_HERE);
  }

  @Test
  void hs256TokenKeyedWithTheRealmsPublicKeyIsRefused() throws GeneralSecurityException {
    // the classic confusion: the realm's public key (public, so anyone has it) used as an HMAC
    // secret
    String[] parts = KeycloakClient.token("alice").split("\\.");
    String header = decode(parts[0]).replace("\"RS256\"", "\"HS256\"");
    String signingInput = encode(header) + "." + parts[1];
    for (byte[] secret :
        List.of(pem(realmKey()).getBytes(StandardCharsets.US_ASCII), realmKey().getEncoded())) {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));

      refused(signingInput + "." + BASE64URL.encodeToString(signature), NOT_VALID_HERE);
    }
  }

  @Test
  void tokenSignedByAKeyTheRealmDoesNotHaveIsRefused() throws GeneralSecurityException {
    PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
    String payload = KeycloakClient.token("alice").split("\\.")[1];
    String signingInput =
        encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"not-a-realm-key\"}") + "." + payload;
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(stranger);
    signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));

    refused(signingInput + "." + BASE64URL.encodeToString(signer.sign()), NOT_VALID_HERE);
  }

  /** The realm's RSA signing key, from its JWKS. */
  private static PublicKey realmKey() throws GeneralSecurityException {
    JsonPath jwks =
        RestAssured.get(KeycloakClient.URL + "/realms/regulus/protocol/openid-connect/certs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, String> key =
        jwks.getList("keys", Map.class).stream()
            .filter(k -> "RS256".equals(k.get("alg")) && "sig".equals(k.get("use")))
            .findFirst()
            .map(k -> Map.of("n", (String) k.get("n"), "e", (String) k.get("e")))
            .orElseThrow();
    Base64.Decoder decoder = Base64.getUrlDecoder();
    return KeyFactory.getInstance("RSA")
        .generatePublic(
            new RSAPublicKeySpec(
                new BigInteger(1, decoder.decode(key.get("n"))),
                new BigInteger(1, decoder.decode(key.get("e")))));
  }

  private static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
