package io.regulus.history;

import io.regulus.settings.Settings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When the nightly score recomputation runs: every day at {@code at} (UTC), unless switched off.
 * Once the day's time has passed, the day's run is due until a node claims it; so a node that was
 * down at the hour starts the day's run when it comes back (a missed earlier day is not made up: a
 * snapshot records the scores of the moment it is taken).
 */
public record NightlySchedule(boolean on, LocalTime at) {

  /** The schedule as configured (REGULUS_NIGHTLY, REGULUS_NIGHTLY_AT). */
  public static NightlySchedule of(Settings settings) {
    return new NightlySchedule(settings.nightly(), settings.nightlyAt());
  }

  /** The day a run started at {@code now} records (UTC). */
  public static LocalDate day(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /** Whether the day's run is due at {@code now}: on, and the day's time has come. */
  public boolean due(Instant now) {
    return on && !now.isBefore(at(day(now)));
  }

  /** The next time the schedule fires after {@code now}; empty when it is off. */
  public Optional<Instant> next(Instant now) {
    if (!on) {
      return Optional.empty();
    }
    Instant today = at(day(now));
    return Optional.of(now.isBefore(today) ? today : at(day(now).plusDays(1)));
  }

  private Instant at(LocalDate day) {
    return day.atTime(at).toInstant(ZoneOffset.UTC);
  }
}
