package io.regulus.ui;

import io.regulus.access.User;
import io.regulus.api.security.CallerClaims;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The tokens Liberty's OpenID Connect client keeps for the signed-in browser session, read through
 * Liberty's {@code com.ibm.websphere.security.openidconnect.PropagationHelper} (ibm-api, visible to
 * applications). That API is not in the Maven repository the build uses, so it is looked up by
 * name; a server without the OpenID Connect client has no signed-in session.
 *
 * <p>The access token is the one the server itself received from Keycloak's token endpoint (back
 * channel, client authenticated with its secret) in exchange for the code; it never passed through
 * the browser, so its claims are read as they are, as the OpenID Connect client trusts that
 * endpoint. Reading the same token kind as the API makes the browser's user the API's user, claim
 * for claim.
 */
final class SignedInSession {

  private static final String HELPER = "com.ibm.websphere.security.openidconnect.PropagationHelper";

  private SignedInSession() {}

  /** The domain user of this request's session. */
  static User user() {
    String accessToken =
        call("getAccessToken")
            .map(String.class::cast)
            .orElseThrow(
                () -> new IllegalStateException("no access token in the signed-in session"));
    return CallerClaims.toCaller(payload(accessToken));
  }

  /** The session's ID token as Keycloak issued it, the hint RP-initiated logout wants. */
  static Optional<String> rawIdToken() {
    return call("getIdToken")
        .flatMap(idToken -> invoke(idToken, "getRawIdToken"))
        .map(String.class::cast);
  }

  /** The issuer of the session's ID token, as Liberty verified it. */
  static Optional<String> issuer() {
    return call("getIdToken")
        .flatMap(idToken -> invoke(idToken, "getIssuer"))
        .map(String.class::cast);
  }

  private static Optional<Object> call(String method) {
    try {
      return invoke(
          null,
          Class.forName(HELPER, true, SignedInSession.class.getClassLoader()).getMethod(method));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static Optional<Object> invoke(Object target, String method) {
    try {
      return invoke(target, target.getClass().getMethod(method));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static Optional<Object> invoke(Object target, java.lang.reflect.Method method) {
    try {
      method.setAccessible(true);
      return Optional.ofNullable(method.invoke(target));
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static JsonObject payload(String jwt) {
    String[] parts = jwt.split("\\.");
    try (var reader =
        Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    }
  }
}
