package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** An invited user's side of an invitation, and the mail the test stack's SMTP sink received. */
public final class Invitations {

  /** Where the test stack's SMTP sink writes each message it receives (see ear/pom.xml). */
  static final Path MAIL_DIR = Path.of(System.getProperty("regulus.mail-dir", "target/stack/mail"));

  private Invitations() {}

  /** The user's pending invitations, as they see them. */
  public static List<Map<String, Object>> pending(String username) {
    return Api.as(KeycloakClient.token(username))
        .get("/me/invitations")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  /** The id of the user's pending invitation to the tenant. */
  static String idFor(String username, String tenant) {
    return pending(username).stream()
        .filter(i -> tenant.equals(i.get("tenant")))
        .map(i -> (String) i.get("id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(username + " has no invitation to " + tenant));
  }

  /** The user accepts their invitation to the tenant. */
  static void accept(String username, String tenant) {
    Api.as(KeycloakClient.token(username))
        .post("/me/invitations/" + idFor(username, tenant) + "/accept")
        .then()
        .statusCode(200);
  }

  /** The user's roles per tenant, as a fresh token of theirs says. */
  static Map<String, String> memberships(String username) {
    List<Map<String, String>> tenants =
        Api.as(KeycloakClient.token(username))
            .get("/me")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("tenants");
    return tenants.stream().collect(Collectors.toMap(m -> m.get("tenant"), m -> m.get("role")));
  }

  /** The text of the first mail to {@code address} the sink received, waiting up to 30 s. */
  static String mailTo(String address) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Optional<String> mail = find(address);
      if (mail.isPresent()) {
        return mail.get();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no mail to " + address + " in " + MAIL_DIR.toAbsolutePath());
  }

  private static Optional<String> find(String address) {
    if (!Files.isDirectory(MAIL_DIR)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(MAIL_DIR)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(file);
        if (text.lines().anyMatch(l -> l.equalsIgnoreCase("To: " + address))) {
          return Optional.of(text);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertNoMailTo(String address) {
    assertThat(find(address)).as("mail to " + address).isEmpty();
  }
}
