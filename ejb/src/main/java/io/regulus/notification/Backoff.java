package io.regulus.notification;

import io.regulus.settings.Settings.MailRetry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a mail the SMTP server did not take is tried again: {@code first} after the first failed
 * attempt, doubling after each next one, never more than {@code longest} apart; after {@code
 * maxAttempts} attempts, never (the mail stays in the outbox with its error for an operator).
 */
public record Backoff(Duration first, Duration longest, int maxAttempts) {

  public static Backoff of(MailRetry retry) {
    return new Backoff(retry.first(), retry.longest(), retry.maxAttempts());
  }

  /**
   * The time of the next attempt after the {@code attempts}-th failed at {@code now}; empty when it
   * was the last.
   */
  public Optional<Instant> next(int attempts, Instant now) {
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(now.plus(wait(attempts)));
  }

  /** The wait after the {@code attempts}-th failed attempt (1 or more). */
  Duration wait(int attempts) {
    int doublings = Math.max(0, attempts - 1);
    // past 2^30 every wait is the longest anyway: no overflow
    if (doublings >= 30) {
      return longest;
    }
    Duration wait = first.multipliedBy(1L << doublings);
    return wait.compareTo(longest) > 0 ? longest : wait;
  }
}
