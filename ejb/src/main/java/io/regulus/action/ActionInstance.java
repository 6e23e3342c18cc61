package io.regulus.action;

import io.regulus.scoring.ActionState;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.ManagedBy;
import io.regulus.scoring.TestStatus;
import io.regulus.signal.RuleDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One action instance with its action's texts: tenant-wide ({@code groupId} null) or of one
 * assessment group. The statuses are the effective ones: an action whose testing source is its
 * parent shows its parent instance's ({@code parentInstanceId}).
 *
 * @param testOverrideReason why a person set the test status of an automatically tested action,
 *     while that status stands
 * @param managedBy the action's responsibility: customer- or provider-managed
 * @param origin a global library action, or one of the tenant's own
 * @param testingSource who records its test result
 * @param implementedBy who last set the implementation (Keycloak id), for the separation of duties
 * @param needsRetest evidence of the instance (or of its parent) has expired
 * @param regulations the regulations of the assessments that need the instance
 * @param assessments the ids of those assessments
 * @param groups the ids of their groups
 * @param version the ETag: every write moves it on
 * @param test the action's test rule when it is tested automatically by one, else null
 */
public record ActionInstance(
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
    Long parentInstanceId,
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
    boolean needsRetest,
    String implementedBy,
    List<String> regulations,
    List<Long> assessments,
    List<Long> groups,
    Instant updatedAt,
    String updatedBy,
    long version,
    RuleDefinition test) {

  public ActionInstance {
    regulations = List.copyOf(regulations);
    assessments = List.copyOf(assessments);
    groups = List.copyOf(groups);
  }

  /** Due and not done: a due date passed while the action is neither passed nor out of scope. */
  public boolean overdue(LocalDate today) {
    return new ActionState(implementationStatus, testStatus, 0).overdue(dueDate, today);
  }

  public boolean followsParent() {
    return parentInstanceId != null;
  }

  /** Passed: implemented (or alternative) and tested as passed. */
  public boolean passed() {
    return implementationStatus.done() && testStatus == TestStatus.PASSED;
  }

  /** Its statuses as the score counts them. */
  public ActionState state() {
    return new ActionState(
        implementationStatus,
        testStatus,
        passedFraction == null ? 0 : passedFraction.doubleValue());
  }

  /** This instance with other workflow values, everything else kept. */
  ActionInstance with(
      ImplementationStatus implementation,
      LocalDate date,
      TestStatus test,
      BigDecimal fraction,
      String overrideReason,
      String newNotes,
      String assignee,
      String assigneeDisplay,
      String tester,
      String testerDisplay,
      LocalDate due,
      Priority newPriority,
      String implementer) {
    return new ActionInstance(
        id,
        key,
        title,
        type,
        points,
        category,
        solution,
        managedBy,
        origin,
        testingSource,
        parentInstanceId,
        groupId,
        group,
        implementation,
        date,
        test,
        fraction,
        overrideReason,
        newNotes,
        assignee,
        assigneeDisplay,
        tester,
        testerDisplay,
        due,
        newPriority,
        needsRetest,
        implementer,
        regulations,
        assessments,
        groups,
        updatedAt,
        updatedBy,
        version,
        this.test);
  }
}
