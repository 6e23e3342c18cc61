package io.regulus.directory;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import java.util.Locale;
import java.util.UUID;

/**
 * The ids that come in from outside and name a user or an invitation: Keycloak user ids and
 * invitation ids are UUIDs. Each is checked here before it reaches a Keycloak URL or a query, so
 * {@code ..} or {@code %2e%2e} is refused naming its field instead of walking Keycloak's paths.
 */
public final class DirectoryId {

  private DirectoryId() {}

  /** The id in its canonical form; a 422 problem naming {@code field} when it is not a UUID. */
  public static String require(String value, String field) {
    if (value != null && value.length() == 36) {
      try {
        String canonical = UUID.fromString(value).toString();
        if (canonical.equals(value.toLowerCase(Locale.ROOT))) {
          return canonical;
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new InvalidInputException(
        new Violation(
            field,
            "must be an id as this API gives it, a UUID such as"
                + " 3f2b8c1e-7d4a-4f6e-9b0a-1c2d3e4f5a6b (from /users or /me/invitations)"));
  }
}
