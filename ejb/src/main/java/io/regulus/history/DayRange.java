package io.regulus.history;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A range of days a score history is read over, both days included: both given, {@code from} not
 * after {@code to}, at most {@link #MAX_DAYS} days.
 */
public record DayRange(LocalDate from, LocalDate to) {

  /** The longest range one request reads, in days. */
  public static final int MAX_DAYS = 731;

  public DayRange {
    if (from == null || to == null || to.isBefore(from)) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "A score trend needs a range of days, from (?from=2026-11-01) to (?to=2026-11-30), with"
              + " from not after to.");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "A score trend covers at most " + MAX_DAYS + " days: ask for a shorter range.");
    }
  }
}
