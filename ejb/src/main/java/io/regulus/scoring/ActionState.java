package io.regulus.scoring;

import java.time.LocalDate;

/**
 * The statuses of one action instance. {@code passedFraction} (0..1) counts only with
 * PARTIALLY_TESTED.
 */
public record ActionState(
    ImplementationStatus implementation, TestStatus test, double passedFraction) {

  public static final ActionState UNTOUCHED =
      new ActionState(ImplementationStatus.NOT_IMPLEMENTED, TestStatus.NONE, 0);

  public ActionState {
    if (passedFraction < 0 || passedFraction > 1) {
      throw new IllegalArgumentException(
          "a passed fraction is between 0 and 1, not " + passedFraction);
    }
  }

  /**
   * Overdue on {@code today}: due before it, and neither passed nor out of scope (the actions
   * list's rule).
   */
  public boolean overdue(LocalDate due, LocalDate today) {
    return due != null && due.isBefore(today) && test != TestStatus.PASSED && !outOfScope();
  }

  public boolean outOfScope() {
    return implementation == ImplementationStatus.OUT_OF_SCOPE || test == TestStatus.OUT_OF_SCOPE;
  }

  /**
   * The share of its points the instance earns (rule 2): 1 when done and passed, the fraction when
   * partial.
   */
  double earnedShare() {
    if (!implementation.done()) {
      return 0;
    }
    return switch (test) {
      case PASSED -> 1;
      case PARTIALLY_TESTED -> passedFraction;
      default -> 0;
    };
  }
}
