package io.regulus.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import org.junit.jupiter.api.Test;

class AlertStatusTest {

  @Test
  void anActiveAlertIsInvestigatedResolvedOrDismissedAndAClosedOneOnlyReopens() {
    assertThat(AlertStatus.ACTIVE.next())
        .containsExactlyInAnyOrder(
            AlertStatus.INVESTIGATING, AlertStatus.RESOLVED, AlertStatus.DISMISSED);
    assertThat(AlertStatus.INVESTIGATING.next())
        .containsExactlyInAnyOrder(AlertStatus.ACTIVE, AlertStatus.RESOLVED, AlertStatus.DISMISSED);
    assertThat(AlertStatus.RESOLVED.next()).containsExactly(AlertStatus.ACTIVE);
    assertThat(AlertStatus.DISMISSED.next()).containsExactly(AlertStatus.ACTIVE);
    for (AlertStatus status : AlertStatus.values()) {
      assertThat(status.mayMoveTo(status)).as(status.name()).isFalse();
    }
    assertThat(AlertStatus.RESOLVED.mayMoveTo(AlertStatus.DISMISSED)).isFalse();
  }

  @Test
  void aStatusIsReadInAnyCaseAndAnUnknownOneNamesTheField() {
    assertThat(AlertStatus.parse("investigating", "status")).isEqualTo(AlertStatus.INVESTIGATING);
    assertThat(AlertStatus.parse(null, "status")).isNull();
    InvalidInputException e =
        catchThrowableOfType(
            () -> AlertStatus.parse("CLOSED", "status"), InvalidInputException.class);
    assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
    assertThat(e.violations().get(0).field()).isEqualTo("status");
    assertThat(e.violations().get(0).rule()).contains("'CLOSED' is not known", "DISMISSED");
  }
}
