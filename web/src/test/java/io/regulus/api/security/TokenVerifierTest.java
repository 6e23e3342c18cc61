package io.regulus.api.security;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.ProblemKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final String ISSUER = "https://id.regulus.test/realms/regulus";
  private static final String AUDIENCE = "regulus-api";
  private static final String KID = "realm-key";
  private static final Duration SKEW = Duration.ofSeconds(30);

  private static KeyPair realmKey;
  private static KeyPair otherKey;

  private final TokenVerifier verifier =
      new TokenVerifier(
          ISSUER,
          AUDIENCE,
          SKEW,
          Clock.fixed(NOW, ZoneOffset.UTC),
          kid -> KID.equals(kid) ? Optional.of(realmKey.getPublic()) : Optional.empty());

  @BeforeAll
  static void generateKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    realmKey = generator.generateKeyPair();
    otherKey = generator.generateKeyPair();
  }

  @Test
  void validTokenReturnsItsClaims() {
    JsonObject claims = verifier.verify(token(claims()));

    assertThat(claims.getString("sub")).isEqualTo("user-1");
    assertThat(claims.getString("iss")).isEqualTo(ISSUER);
    assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(NOW.plusSeconds(300).getEpochSecond());
  }

  @Test
  void expiredTokenIsRefused() {
    assertRefused(token(claims().add("exp", epoch(NOW.minusSeconds(3600)))), "expired");
  }

  @Test
  void tokenExpiredWithinTheClockSkewIsAccepted() {
    assertThat(verifier.verify(token(claims().add("exp", epoch(NOW.minusSeconds(20)))))).containsKey("sub");
  }

  @Test
  void tokenExpiredForLongerThanTheClockSkewIsRefused() {
    assertRefused(token(claims().add("exp", epoch(NOW.minusSeconds(31)))), "expired");
  }

  @Test
  void tokenExpiredExactlyTheClockSkewAgoIsRefused() {
    assertRefused(token(claims().add("exp", epoch(NOW.minus(SKEW)))), "expired");
  }

  @Test
  void notYetValidTokenIsRefused() {
    assertRefused(token(claims().add("nbf", epoch(NOW.plusSeconds(3600)))), "not valid yet");
  }

  @Test
  void tokenValidWithinTheClockSkewIsAccepted() {
    assertThat(verifier.verify(token(claims().add("nbf", epoch(NOW.plusSeconds(20)))))).containsKey("sub");
  }

  @Test
  void tokenWithoutExpiryIsRefused() {
    assertRefused(token(claims().remove("exp")), "no expiry");
  }

  @Test
  void tokenFromAnotherIssuerIsRefused() {
    assertRefused(
        token(claims().add("iss", "https://evil.test/realms/regulus")), "another issuer; expected " + ISSUER);
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    assertRefused(token(claims().add("aud", "account")), "audience 'regulus-api' missing");
  }

  @Test
  void tokenWhoseAudienceArrayLacksTheApiIsRefused() {
    assertRefused(
        token(claims().add("aud", Json.createArrayBuilder().add("account").add("other-api"))),
        "audience 'regulus-api' missing");
  }

  @Test
  void tokenWithoutAudienceIsRefused() {
    assertRefused(token(claims().remove("aud")), "audience 'regulus-api' missing");
  }

  @Test
  void tokenWhoseAudienceArrayContainsTheApiIsAccepted() {
    String token = token(claims().add("aud", Json.createArrayBuilder().add("account").add(AUDIENCE)));

    assertThat(verifier.verify(token).getJsonArray("aud")).hasSize(2);
  }

  @Test
  void tokenSignedByAnotherKeyWithTheSameKidIsRefused() {
    assertRefused(token(header(), claims(), rs256(otherKey.getPrivate())), "signature is not valid");
  }

  @Test
  void tokenWithTamperedPayloadIsRefused() {
    String[] parts = token(claims()).split("\\.");
    String tampered = parts[0] + "." + b64(claims().add("sub", "admin-1").build().toString()) + "." + parts[2];

    assertRefused(tampered, "signature is not valid");
  }

  @Test
  void tokenWithGarbageSignatureIsRefused() {
    String[] parts = token(claims()).split("\\.");

    assertRefused(parts[0] + "." + parts[1] + ".!!not*base64!!", "signature is not valid");
  }

  @Test
  void tokenSignedWithAnUnknownKidIsRefused() {
    assertRefused(
        token(header().add("kid", "rotated-away"), claims(), rs256(realmKey.getPrivate())),
        "not signed by a key of the Regulus realm");
  }

  @Test
  void tokenWithoutKidIsRefused() {
    assertRefused(
        token(header().remove("kid"), claims(), rs256(realmKey.getPrivate())),
        "not signed by a key of the Regulus realm");
  }

  @Test
  void unsignedTokenWithAlgNoneIsRefused() {
    assertRefused(token(header().add("alg", "none"), claims(), input -> new byte[0]), "must be signed with RS256");
  }

  @Test
  void tokenWithAlgHs256KeyedByThePublicKeyIsRefused() {
    UnaryOperator<byte[]> hmac =
        input -> {
          try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(realmKey.getPublic().getEncoded(), "HmacSHA256"));
            return mac.doFinal(input);
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
          }
        };

    assertRefused(token(header().add("alg", "HS256"), claims(), hmac), "must be signed with RS256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "header.payload", "a.b.c.d"})
  void tokenWithoutThreePartsIsRefused(String token) {
    assertRefused(token, "not a signed JWT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%%%garbage%%%", "bm90IGpzb24"})
  void tokenWithGarbageHeaderIsRefused(String header) {
    assertRefused(header + ".e30.c2ln", "header is not base64url-encoded JSON");
  }

  @Test
  void signedTokenWithGarbagePayloadIsRefused() {
    String input = b64(header().build().toString()) + ".%%garbage%%";
    String token = input + "." + b64(rs256(realmKey.getPrivate()).apply(input.getBytes(US_ASCII)));

    assertRefused(token, "payload is not base64url-encoded JSON");
  }

  @Test
  void idTokenIsRefused() {
    assertRefused(token(claims().add("typ", "ID")), "Only access tokens are accepted");
  }

  @Test
  void tokenWithoutTypeIsRefused() {
    assertRefused(token(claims().remove("typ")), "Only access tokens are accepted");
  }

  private void assertRefused(String token, String messagePart) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNAUTHENTICATED))
        .hasMessageContaining(messagePart);
  }

  private static JsonObjectBuilder header() {
    return Json.createObjectBuilder().add("alg", "RS256").add("kid", KID).add("typ", "JWT");
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = NOW;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aVerifiedTokenIsTrustedAgainUntilItExpiresAndThenRefused() {
    MovingClock clock = new MovingClock();
    java.util.concurrent.atomic.AtomicInteger keyLookups = new java.util.concurrent.atomic.AtomicInteger();
    TokenVerifier counting = new TokenVerifier(ISSUER, AUDIENCE, SKEW, clock, kid -> {
      keyLookups.incrementAndGet();
      return Optional.of(realmKey.getPublic());
    });
    VerifiedTokens tokens = new VerifiedTokens(clock, 16);
    String token = token(claims());

    assertThat(tokens.caller(token, counting).id()).isEqualTo("user-1");
    clock.now = NOW.plusSeconds(300 + 29);
    assertThat(tokens.caller(token, counting).id()).isEqualTo("user-1");
    assertThat(keyLookups).as("verified once").hasValue(1);

    clock.now = NOW.plusSeconds(300 + 30);
    assertThatThrownBy(() -> tokens.caller(token, counting)).isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void aRefusedTokenIsNeverKept() {
    MovingClock clock = new MovingClock();
    VerifiedTokens tokens = new VerifiedTokens(clock, 16);
    String forged = token(header(), claims(), rs256(otherKey.getPrivate()));
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> tokens.caller(forged, verifier)).isInstanceOf(InvalidTokenException.class)
          .hasMessageContaining("signature");
    }
  }

  private static JsonObjectBuilder claims() {
    return Json.createObjectBuilder()
        .add("sub", "user-1")
        .add("iss", ISSUER)
        .add("aud", AUDIENCE)
        .add("typ", "Bearer")
        .add("iat", epoch(NOW.minusSeconds(60)))
        .add("exp", epoch(NOW.plusSeconds(300)));
  }

  private static long epoch(Instant instant) {
    return instant.getEpochSecond();
  }

  /** A token with the usual header, signed by the realm's key. */
  private static String token(JsonObjectBuilder claims) {
    return token(header(), claims, rs256(realmKey.getPrivate()));
  }

  private static String token(JsonObjectBuilder header, JsonObjectBuilder claims, UnaryOperator<byte[]> signer) {
    String input = b64(header.build().toString()) + "." + b64(claims.build().toString());
    return input + "." + b64(signer.apply(input.getBytes(US_ASCII)));
  }

  private static UnaryOperator<byte[]> rs256(PrivateKey key) {
    return input -> {
      try {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(input);
        return signature.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static String b64(String text) {
    return b64(text.getBytes(UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
