package io.regulus.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** PRODUCT.md's workflow rules on one instance's statuses. */
class StatusRulesTest {

  private static final ActionInstance UNTOUCHED = instance(ImplementationStatus.NOT_IMPLEMENTED, TestStatus.NONE, null);

  @Test
  void implementingSetsTodayAsTheDateAndATestCanFollow() {
    ActionInstance implemented = ActionService.apply(UNTOUCHED, change(ImplementationStatus.IMPLEMENTED, null, null));
    assertThat(implemented.implementationDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    ActionInstance passed = ActionService.apply(implemented, change(null, TestStatus.PASSED, null));
    assertThat(passed.testStatus()).isEqualTo(TestStatus.PASSED);
  }

  @Test
  void aTestResultNeedsTheActionImplemented() {
    InvalidInputException problem = catchThrowableOfType(
        () -> ActionService.apply(UNTOUCHED, change(null, TestStatus.PASSED, null)), InvalidInputException.class);
    assertThat(problem.violations()).extracting(Violation::field).containsExactly("testStatus");
  }

  @Test
  void goingBackFromImplementedClearsTheTestAndTheDate() {
    ActionInstance passed = instance(ImplementationStatus.IMPLEMENTED, TestStatus.PASSED, null);
    ActionInstance planned = ActionService.apply(passed, change(ImplementationStatus.PLANNED, null, null));
    assertThat(planned.testStatus()).isEqualTo(TestStatus.NONE);
    assertThat(planned.implementationDate()).isNull();
  }

  @Test
  void aPassedFractionGoesWithAPartialTestOnly() {
    ActionInstance implemented = instance(ImplementationStatus.IMPLEMENTED, TestStatus.NONE, null);
    assertThat(ActionService.apply(implemented, change(null, TestStatus.PARTIALLY_TESTED, new BigDecimal("0.25")))
        .passedFraction()).isEqualByComparingTo("0.25");
    assertThat(catchThrowableOfType(() -> ActionService.apply(implemented, change(null, TestStatus.PARTIALLY_TESTED,
        null)), InvalidInputException.class).violations()).extracting(Violation::field).containsExactly("passedFraction");
    assertThat(catchThrowableOfType(() -> ActionService.apply(implemented, change(null, TestStatus.PASSED,
        BigDecimal.ONE)), InvalidInputException.class).violations()).extracting(Violation::field)
        .containsExactly("passedFraction");
    assertThat(ActionService.apply(instance(ImplementationStatus.IMPLEMENTED, TestStatus.PARTIALLY_TESTED,
        new BigDecimal("0.5")), change(null, TestStatus.PASSED, null)).passedFraction()).isNull();
  }

  private static StatusChange change(ImplementationStatus implementation, TestStatus test, BigDecimal fraction) {
    return new StatusChange(implementation, null, test, fraction, null);
  }

  private static ActionInstance instance(ImplementationStatus implementation, TestStatus test, BigDecimal fraction) {
    return new ActionInstance(1, "a", "A", ActionType.TECHNICAL, 27, "Control access", null, "LIBRARY", null, null,
        implementation, implementation.done() ? LocalDate.of(2026, 1, 1) : null, test, fraction, null,
        Instant.EPOCH, null, 0);
  }
}
