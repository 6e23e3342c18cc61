package io.regulus.api.security;

import io.regulus.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callers of the bearer tokens this node verified, each until its token expires. A client sends the same token
 * with every request until it refreshes it, and verifying it again (an RSA signature, two JSON documents) was the
 * largest part of what a small request cost. Only tokens that passed every check are kept, each only until its own
 * expiry (with the allowed clock skew, as the verifier counts it), and at most {@link #KEPT} of them, the least
 * recently used going first. A token is never trusted longer than it would have been verified.
 */
@ApplicationScoped
public class VerifiedTokens {

  static final int KEPT = 4096;

  private record Verified(Caller caller, Instant until) {}

  private final Clock clock;
  private final Map<String, Verified> verified;

  public VerifiedTokens() {
    this(Clock.systemUTC(), KEPT);
  }

  VerifiedTokens(Clock clock, int kept) {
    this.clock = clock;
    this.verified = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
        return size() > kept;
      }
    });
  }

  /** The token's caller: as verified before while the token is still valid, else verified now (or refused). */
  public Caller caller(String token, TokenVerifier verifier) {
    Verified hit = verified.get(token);
    if (hit != null && clock.instant().isBefore(hit.until())) {
      return hit.caller();
    }
    JsonObject claims = verifier.verify(token);
    Caller caller = CallerClaims.toCaller(claims);
    verified.put(token, new Verified(caller, verifier.validUntil(claims)));
    return caller;
  }
}
