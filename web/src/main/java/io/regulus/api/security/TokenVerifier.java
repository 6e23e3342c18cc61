package io.regulus.api.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies a compact JWS access token: RS256 signature by a known key first, then type, expiry, not-before,
 * issuer and audience. Pure: keys, expectations and clock are given.
 */
public final class TokenVerifier {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  /** Made once: each Json.createReader looks the JSON provider up again. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

  private final String issuer;
  private final String audience;
  private final Duration clockSkew;
  private final Clock clock;
  private final Function<String, Optional<PublicKey>> keys;

  /** @param keys the realm's signing key of a key id, if it has one */
  public TokenVerifier(
      String issuer,
      String audience,
      Duration clockSkew,
      Clock clock,
      Function<String, Optional<PublicKey>> keys) {
    this.issuer = issuer;
    this.audience = audience;
    this.clockSkew = clockSkew;
    this.clock = clock;
    this.keys = keys;
  }

  /** The token's claims, once every check passed. */
  public JsonObject verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("The bearer token is not a signed JWT (header.payload.signature).");
    }
    JsonObject header = json(parts[0], "header");
    if (!"RS256".equals(string(header, "alg"))) {
      throw new InvalidTokenException("The token must be signed with RS256.");
    }
    String keyId = string(header, "kid");
    PublicKey key =
        keys.apply(keyId == null ? "" : keyId)
            .orElseThrow(() -> new InvalidTokenException("The token is not signed by a key of the Regulus realm."));
    if (!signatureValid(key, parts)) {
      throw new InvalidTokenException("The token's signature is not valid.");
    }
    JsonObject claims = json(parts[1], "payload");
    checkTimes(claims);
    if (!"Bearer".equals(string(claims, "typ"))) {
      throw new InvalidTokenException("Only access tokens are accepted (token type 'Bearer').");
    }
    if (!issuer.equals(string(claims, "iss"))) {
      throw new InvalidTokenException("The token was issued by another issuer; expected " + issuer + ".");
    }
    if (!audiences(claims).contains(audience)) {
      throw new InvalidTokenException(
          "The token is not meant for this API (audience '" + audience + "' missing). "
              + "Request it with a client that grants the Regulus API audience, such as regulus-cli.");
    }
    return claims;
  }

  /** Until when verified claims stay valid: their expiry, with the allowed clock skew. */
  public Instant validUntil(JsonObject claims) {
    return instant(claims, "exp").plus(clockSkew);
  }

  private void checkTimes(JsonObject claims) {
    Instant now = clock.instant();
    Instant expiry = instant(claims, "exp");
    if (expiry == null) {
      throw new InvalidTokenException("The token has no expiry.");
    }
    if (!now.isBefore(expiry.plus(clockSkew))) {
      throw new InvalidTokenException("The token has expired; request a new one.");
    }
    Instant notBefore = instant(claims, "nbf");
    if (notBefore != null && now.plus(clockSkew).isBefore(notBefore)) {
      throw new InvalidTokenException("The token is not valid yet.");
    }
  }

  private static boolean signatureValid(PublicKey key, String[] parts) {
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(BASE64URL.decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static JsonObject json(String part, String what) {
    try (var reader = READERS.createReader(new StringReader(
        new String(BASE64URL.decode(part), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (JsonException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidTokenException("The token's " + what + " is not base64url-encoded JSON.");
    }
  }

  static String string(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonString text ? text.getString() : null;
  }

  private static Instant instant(JsonObject claims, String name) {
    JsonValue value = claims.get(name);
    return value instanceof JsonNumber number ? Instant.ofEpochSecond(number.longValue()) : null;
  }

  private static java.util.List<String> audiences(JsonObject claims) {
    JsonValue aud = claims.get("aud");
    if (aud instanceof JsonString single) {
      return java.util.List.of(single.getString());
    }
    if (aud instanceof JsonArray many) {
      return many.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
    }
    return java.util.List.of();
  }
}
