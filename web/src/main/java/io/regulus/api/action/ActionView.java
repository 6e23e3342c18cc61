package io.regulus.api.action;

import io.regulus.action.ActionInstance;
import io.regulus.action.ActionOrigin;
import io.regulus.action.Priority;
import io.regulus.action.TestingSource;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.ManagedBy;
import io.regulus.scoring.TestStatus;
import io.regulus.signal.RuleDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An action instance as the API shows it: its statuses (its parent's when it follows one: {@code
 * parentActionId}), assignment, whether it is overdue or needs a re-test, its test rule ({@code
 * test}) when it is tested automatically by one, and {@code version}, the ETag a change must send
 * back in If-Match.
 */
public record ActionView(
    long id,
    String key,
    String title,
    ActionType type,
    int points,
    String category,
    String solution,
    ManagedBy managedBy,
    ActionOrigin origin,
    TestingSource testingSource,
    RuleDefinition test,
    Long parentActionId,
    Long groupId,
    String group,
    ImplementationStatus implementationStatus,
    LocalDate implementationDate,
    TestStatus testStatus,
    BigDecimal passedFraction,
    String testOverrideReason,
    String notes,
    String assigneeId,
    String assigneeName,
    String testerId,
    String testerName,
    LocalDate dueDate,
    Priority priority,
    boolean overdue,
    boolean needsRetest,
    List<String> regulations,
    List<Long> assessments,
    Instant updatedAt,
    long version,
    AutomaticTestView automaticTest) {

  public static ActionView of(ActionInstance i) {
    return of(i, null);
  }

  /**
   * The instance with how its automatic test is decided ({@code automaticTest}: only in the view of
   * one action that is tested automatically; null in lists and elsewhere).
   */
  public static ActionView of(ActionInstance i, AutomaticTestView automaticTest) {
    return new ActionView(
        i.id(),
        i.key(),
        i.title(),
        i.type(),
        i.points(),
        i.category(),
        i.solution(),
        i.managedBy(),
        i.origin(),
        i.testingSource(),
        i.test(),
        i.parentInstanceId(),
        i.groupId(),
        i.group(),
        i.implementationStatus(),
        i.implementationDate(),
        i.testStatus(),
        i.passedFraction(),
        i.testOverrideReason(),
        i.notes(),
        i.assigneeId(),
        i.assigneeName(),
        i.testerId(),
        i.testerName(),
        i.dueDate(),
        i.priority(),
        i.overdue(LocalDate.now(ZoneOffset.UTC)),
        i.needsRetest(),
        i.regulations(),
        i.assessments(),
        i.updatedAt(),
        i.version(),
        automaticTest);
  }

  /** The instance's version as an entity tag. */
  static String etag(ActionInstance instance) {
    return "\"" + instance.version() + "\"";
  }
}
