package io.regulus.api.security;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The realm's RSA signing keys (JWKS), cached. An unknown key id triggers one refetch at most every 10 seconds
 * (Keycloak rotates keys; a flood of forged key ids must not become a flood of fetches). Keycloak unreachable
 * with no key cached is a 503, never a hang: every fetch has a timeout.
 */
@ApplicationScoped
public class SigningKeys {

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
  private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @Inject private OidcSettings settings;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private volatile Map<String, PublicKey> keys = Map.of();
  private volatile Instant fetchedAt = Instant.EPOCH;

  public Optional<PublicKey> find(String keyId) {
    PublicKey key = keys.get(keyId);
    if (key == null && Instant.now().isAfter(fetchedAt.plus(REFETCH_INTERVAL))) {
      refetch();
      key = keys.get(keyId);
    }
    return Optional.ofNullable(key);
  }

  private synchronized void refetch() {
    if (!Instant.now().isAfter(fetchedAt.plus(REFETCH_INTERVAL))) {
      return;
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(settings.jwksUrl()).timeout(TIMEOUT).GET().build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("JWKS answered " + response.statusCode());
      }
      keys = parse(response.body());
      fetchedAt = Instant.now();
    } catch (IOException | RuntimeException e) {
      fetchedAt = Instant.now();
      LOG.warning("cannot fetch the realm's signing keys from " + settings.jwksUrl() + ": " + e.getMessage());
      if (keys.isEmpty()) {
        throw new DomainException(
            ProblemKind.UNAVAILABLE,
            "The identity provider cannot be reached to check the token's signature. Try again shortly.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException(ProblemKind.UNAVAILABLE, "Interrupted while fetching signing keys.");
    }
  }

  static Map<String, PublicKey> parse(String jwks) {
    try (var reader = Json.createReader(new StringReader(jwks))) {
      Map<String, PublicKey> parsed = new java.util.HashMap<>();
      for (JsonObject key : reader.readObject().getJsonArray("keys").getValuesAs(JsonObject.class)) {
        if ("RSA".equals(key.getString("kty", "")) && "sig".equals(key.getString("use", "sig"))) {
          parsed.put(key.getString("kid", ""), rsa(key.getString("n"), key.getString("e")));
        }
      }
      return Map.copyOf(parsed);
    }
  }

  private static PublicKey rsa(String modulus, String exponent) {
    Base64.Decoder decoder = Base64.getUrlDecoder();
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(
              new RSAPublicKeySpec(
                  new BigInteger(1, decoder.decode(modulus)), new BigInteger(1, decoder.decode(exponent))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable RSA key in JWKS", e);
    }
  }
}
