package io.regulus.api.action;

import io.regulus.action.StatusChange;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A change of an action's statuses; fields left out stay as they are. Contributors set the implementation,
 * assessors the test result, admins both; notes are anyone's who may change the action.
 */
public record StatusRequest(
    ImplementationStatus implementationStatus, LocalDate implementationDate, TestStatus testStatus,
    BigDecimal passedFraction, @Size(max = 4000) String notes) {

  StatusChange toChange() {
    return new StatusChange(implementationStatus, implementationDate, testStatus, passedFraction, notes);
  }
}
