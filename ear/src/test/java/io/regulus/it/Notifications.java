package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The notifications' side of the test stack: the digest run on demand, and the outbox. */
final class Notifications {

  private Notifications() {}

  /** Runs the daily digest now, as the operator; what it did. */
  static Map<String, Object> runDigest() {
    return Api.as(Platform.operator())
        .post("/platform/digests")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("$");
  }

  /** The newest mail of the outbox to {@code address}, as the operator sees it. */
  static List<Map<String, Object>> outboxTo(String address) {
    List<Map<String, Object>> all =
        Api.as(Platform.operator())
            .queryParam("limit", 500)
            .get("/platform/mail-outbox")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return all.stream().filter(m -> address.equals(m.get("recipient"))).toList();
  }

  /** Waits up to {@code within} until the outbox's mail to {@code address} satisfies it. */
  static List<Map<String, Object>> awaitOutbox(
      String address, Duration within, Predicate<List<Map<String, Object>>> condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    List<Map<String, Object>> mail = outboxTo(address);
    while (!condition.test(mail) && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      mail = outboxTo(address);
    }
    assertThat(condition).as("the outbox's mail to %s: %s", address, mail).accepts(mail);
    return mail;
  }
}
