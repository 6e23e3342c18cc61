package io.regulus.jobs;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The day a run of a job of one day (the score recomputation, the reports) is for. */
public final class RunDay {

  private RunDay() {}

  /**
   * {@code day}, or today (UTC) when it is null; a day after today is refused, since nothing of it
   * is recorded yet: the refusal says to {@code what} (e.g. "record") today or an earlier day.
   */
  public static LocalDate notAfterToday(LocalDate day, String what) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate asked = day == null ? today : day;
    if (asked.isAfter(today)) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The day "
              + asked
              + " has not come yet (today is "
              + today
              + ", UTC): "
              + what
              + " today or an earlier day.",
          "day");
    }
    return asked;
  }
}
