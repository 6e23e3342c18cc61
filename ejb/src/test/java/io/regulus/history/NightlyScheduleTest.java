package io.regulus.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** When the nightly recomputation is due and when it fires next, in UTC. */
class NightlyScheduleTest {

  private static final NightlySchedule AT_0230 = new NightlySchedule(true, LocalTime.of(2, 30));

  @Test
  void theDaysRunIsDueFromItsTimeUntilTheDayEnds() {
    assertThat(AT_0230.due(Instant.parse("2026-12-06T02:29:59Z"))).isFalse();
    assertThat(AT_0230.due(Instant.parse("2026-12-06T02:30:00Z"))).isTrue();
    assertThat(AT_0230.due(Instant.parse("2026-12-06T23:59:59Z"))).isTrue();
    assertThat(AT_0230.due(Instant.parse("2026-12-07T00:00:00Z"))).isFalse();
  }

  @Test
  void itFiresNextTodayBeforeItsTimeAndTomorrowFromIt() {
    assertThat(AT_0230.next(Instant.parse("2026-12-06T01:00:00Z")))
        .contains(Instant.parse("2026-12-06T02:30:00Z"));
    assertThat(AT_0230.next(Instant.parse("2026-12-06T02:30:00Z")))
        .contains(Instant.parse("2026-12-07T02:30:00Z"));
    assertThat(AT_0230.next(Instant.parse("2026-12-31T09:00:00Z")))
        .contains(Instant.parse("2027-01-01T02:30:00Z"));
  }

  @Test
  void switchedOffItIsNeverDueAndHasNoNextTime() {
    NightlySchedule off = new NightlySchedule(false, LocalTime.of(2, 30));
    assertThat(off.due(Instant.parse("2026-12-06T12:00:00Z"))).isFalse();
    assertThat(off.next(Instant.parse("2026-12-06T12:00:00Z"))).isEmpty();
  }

  @Test
  void theDayIsTheUtcDate() {
    assertThat(NightlySchedule.day(Instant.parse("2026-12-06T23:59:59Z")))
        .isEqualTo(LocalDate.of(2026, 12, 6));
  }
}
