package io.regulus.api.security;

import io.regulus.access.User;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the {@link User} from the claims of a Keycloak access token: subject, names, the {@code
 * groups} claim (Keycloak group paths) and the realm roles of {@code realm_access.roles}; the
 * domain turns them into roles ({@link User#fromToken}). API requests and browser sessions both
 * come through here, so a person is the same {@code User} whichever way they came.
 */
public final class CallerClaims {

  /**
   * Keycloak's {@code typ} of access tokens; its ID tokens say {@code ID}, its refresh tokens
   * {@code Refresh}.
   */
  static final String ACCESS_TOKEN_TYPE = "Bearer";

  private CallerClaims() {}

  /** The caller of a token the platform verified (mpJwt: signature, issuer, audience, expiry). */
  public static User toCaller(JsonWebToken token) {
    return toCaller(
        token.getClaim("typ"),
        token.getSubject(),
        token.getClaim("preferred_username"),
        token.getClaim("email"),
        token.getClaim("name"),
        token.getClaim("groups"),
        token.getClaim("realm_access"));
  }

  /** The caller of a token's claims, a JSON object as Keycloak wrote it. */
  public static User toCaller(JsonObject claims) {
    return toCaller(
        claims.get("typ"),
        string(claims.get("sub")),
        claims.get("preferred_username"),
        claims.get("email"),
        claims.get("name"),
        claims.get("groups"),
        claims.get("realm_access"));
  }

  private static User toCaller(
      Object type,
      String subject,
      Object username,
      Object email,
      Object name,
      Object groups,
      Object realmAccess) {
    if (!ACCESS_TOKEN_TYPE.equals(string(type))) {
      // ID and refresh tokens are signed by the same realm key, for the same issuer and often the
      // same audience:
      // only their type tells them apart, and mpJwt does not look at it
      throw new InvalidTokenException(
          "Only access tokens are accepted (token type 'Bearer'), not ID or refresh tokens.");
    }
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("The token names no subject.");
    }
    List<String> realmRoles = strings(member(realmAccess, "roles"));
    return User.fromToken(
        subject, string(username), string(email), string(name), strings(groups), realmRoles);
  }

  /**
   * mpJwt hands the standard claims as Java strings and sets, others as JSON-P values, maps or JSON
   * text.
   */
  private static String string(Object value) {
    if (value instanceof JsonString text) {
      return text.getString();
    }
    return value instanceof String text ? text : null;
  }

  /** A member of a JSON object claim, however the token's reader handed the object over. */
  private static Object member(Object object, String name) {
    if (object instanceof JsonObject json) {
      return json.get(name);
    }
    if (object instanceof Map<?, ?> map) {
      return map.get(name);
    }
    if (object instanceof String text && text.startsWith("{")) {
      try (var reader = Json.createReader(new StringReader(text))) {
        return reader.readObject().get(name);
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private static List<String> strings(Object value) {
    if (value instanceof JsonArray array) {
      return array.stream()
          .filter(JsonString.class::isInstance)
          .map(v -> ((JsonString) v).getString())
          .toList();
    }
    if (value instanceof Collection<?> values) {
      return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }
}
