package io.regulus.api.action;

import io.regulus.action.ActionUpdate;
import io.regulus.action.Priority;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A change of an action; fields left out stay as they are, fields named in {@code clear} are
 * emptied. Contributors set the implementation, assessors the test result, admins both and the
 * assignment (assignee, tester, due date, priority); notes are anyone's who may change the action.
 */
public record ActionRequest(
    ImplementationStatus implementationStatus,
    LocalDate implementationDate,
    TestStatus testStatus,
    BigDecimal passedFraction,
    @Size(max = 4000) String notes,
    @Size(max = 64) String assigneeId,
    @Size(max = 64) String testerId,
    LocalDate dueDate,
    Priority priority,
    @Size(max = 1000) String testOverrideReason,
    Set<String> clear) {

  ActionUpdate toUpdate() {
    return new ActionUpdate(
        implementationStatus,
        implementationDate,
        testStatus,
        passedFraction,
        notes,
        assigneeId,
        testerId,
        dueDate,
        priority,
        testOverrideReason,
        clear);
  }
}
