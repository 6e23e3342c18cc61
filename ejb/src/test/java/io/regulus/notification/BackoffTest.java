package io.regulus.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Instant NOW = Instant.parse("2026-12-06T07:00:00Z");
  private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(60), 12);

  @Test
  void theWaitDoublesAfterEachFailedAttemptUpToTheLongest() {
    assertThat(backoff.next(1, NOW)).contains(NOW.plusSeconds(30));
    assertThat(backoff.next(2, NOW)).contains(NOW.plusSeconds(60));
    assertThat(backoff.next(3, NOW)).contains(NOW.plusSeconds(120));
    assertThat(backoff.next(7, NOW)).contains(NOW.plusSeconds(1920));
    assertThat(backoff.next(8, NOW)).contains(NOW.plusSeconds(3600));
    assertThat(backoff.next(11, NOW)).contains(NOW.plusSeconds(3600));
  }

  @Test
  void afterTheLastAttemptThereIsNoNext() {
    assertThat(backoff.next(12, NOW)).isEmpty();
    assertThat(backoff.next(13, NOW)).isEmpty();
  }

  @Test
  void manyAttemptsDoNotOverflow() {
    Backoff patient = new Backoff(Duration.ofHours(1), Duration.ofDays(1), 1000);
    assertThat(patient.next(64, NOW)).contains(NOW.plus(Duration.ofDays(1)));
    assertThat(patient.next(500, NOW)).contains(NOW.plus(Duration.ofDays(1)));
  }
}
