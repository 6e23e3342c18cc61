package io.regulus.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

  private static RSAPublicKey rsaKey;
  private static RSAPublicKey secondRsaKey;
  private static ECPublicKey ecKey;

  @BeforeAll
  static void generateKeys() throws GeneralSecurityException {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    rsaKey = (RSAPublicKey) rsa.generateKeyPair().getPublic();
    secondRsaKey = (RSAPublicKey) rsa.generateKeyPair().getPublic();
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    ecKey = (ECPublicKey) ec.generateKeyPair().getPublic();
  }

  @Test
  void rsaSigningKeysAreKeptByKid() {
    Map<String, PublicKey> keys =
        SigningKeys.parse(jwks(rsa("sig-1", rsaKey).add("use", "sig"), rsa("unmarked", secondRsaKey)));

    assertThat(keys).containsOnlyKeys("sig-1", "unmarked");
    assertSameRsaKey(keys.get("sig-1"), rsaKey);
    assertSameRsaKey(keys.get("unmarked"), secondRsaKey);
  }

  @Test
  void encryptionKeysAreSkipped() {
    Map<String, PublicKey> keys =
        SigningKeys.parse(jwks(rsa("enc-1", secondRsaKey).add("use", "enc"), rsa("sig-1", rsaKey).add("use", "sig")));

    assertThat(keys).containsOnlyKeys("sig-1");
  }

  @Test
  void nonRsaKeysAreSkipped() {
    JsonObjectBuilder ec =
        Json.createObjectBuilder()
            .add("kid", "ec-1")
            .add("kty", "EC")
            .add("use", "sig")
            .add("crv", "P-256")
            .add("x", b64(ecKey.getW().getAffineX()))
            .add("y", b64(ecKey.getW().getAffineY()));
    JsonObjectBuilder oct = Json.createObjectBuilder().add("kid", "hmac-1").add("kty", "oct").add("k", "c2VjcmV0");

    assertThat(SigningKeys.parse(jwks(ec, oct, rsa("sig-1", rsaKey)))).containsOnlyKeys("sig-1");
  }

  @Test
  void emptyKeySetGivesNoKeys() {
    assertThat(SigningKeys.parse(jwks())).isEmpty();
  }

  private static void assertSameRsaKey(PublicKey parsed, RSAPublicKey expected) {
    assertThat(parsed).isInstanceOfSatisfying(
        RSAPublicKey.class,
        key -> {
          assertThat(key.getModulus()).isEqualTo(expected.getModulus());
          assertThat(key.getPublicExponent()).isEqualTo(expected.getPublicExponent());
        });
  }

  private static JsonObjectBuilder rsa(String kid, RSAPublicKey key) {
    return Json.createObjectBuilder()
        .add("kid", kid)
        .add("kty", "RSA")
        .add("alg", "RS256")
        .add("n", b64(key.getModulus()))
        .add("e", b64(key.getPublicExponent()));
  }

  private static String jwks(JsonObjectBuilder... keys) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    Arrays.stream(keys).forEach(array::add);
    return Json.createObjectBuilder().add("keys", array).build().toString();
  }

  /** Base64url without padding of the unsigned big-endian bytes, as JWK wants. */
  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
