package io.regulus.api.security;

import io.regulus.access.User;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Reads the {@link User} from verified claims: subject, names, the {@code groups} claim (Keycloak group paths) and
 * the realm roles of {@code realm_access.roles}; the domain turns them into roles ({@link User#fromToken}).
 */
public final class CallerClaims {

  private CallerClaims() {}

  public static User toCaller(JsonObject claims) {
    String subject = TokenVerifier.string(claims, "sub");
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("The token names no subject.");
    }
    List<String> realmRoles =
        claims.get("realm_access") instanceof JsonObject realmAccess ? strings(realmAccess.get("roles")) : List.of();
    return User.fromToken(
        subject,
        TokenVerifier.string(claims, "preferred_username"),
        TokenVerifier.string(claims, "email"),
        TokenVerifier.string(claims, "name"),
        strings(claims.get("groups")),
        realmRoles);
  }

  private static List<String> strings(JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
  }
}
