package io.regulus.action;

import io.regulus.access.AccessDeniedException;
import io.regulus.access.Permission;
import io.regulus.access.TenantRole;
import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.text.ReadableText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The action workflow of docs/workflow.md as one pure function: who may change what (contributors
 * the implementation, assessors the test result, admins both and the assignment), the separation of
 * duties (whoever implemented an action does not pass judgement on it, admins aside), a test status
 * only once implemented or alternative (not while out of scope), the implementation date only while
 * implemented, a passed fraction only with a partial test, the statuses of automatic testing only
 * on an automatically tested action, a reason to override an automatic test (kept on the instance
 * while the status stands), and an action that follows its parent's statuses takes none of its own.
 */
final class ActionWorkflow {

  /** A tenant member an instance is assigned to: Keycloak id and display name. */
  record Person(String id, String name) {}

  private static final Set<TestStatus> RESULTS =
      Set.of(
          TestStatus.PASSED,
          TestStatus.FAILED_LOW_RISK,
          TestStatus.FAILED_MEDIUM_RISK,
          TestStatus.FAILED_HIGH_RISK,
          TestStatus.PARTIALLY_TESTED);

  private ActionWorkflow() {}

  /**
   * The instance after the update, or the first rule it breaks: 403 for a field the role may not
   * change, 409 for the parent rule and the separation of duties, 422 naming every invalid field.
   *
   * @param assignee the member named by {@code assigneeId}, already checked to be allowed to
   *     implement
   * @param tester the member named by {@code testerId}, already checked to be allowed to test
   */
  static ActionInstance apply(
      ActionInstance before,
      ActionUpdate update,
      TenantRole role,
      String callerId,
      Person assignee,
      Person tester,
      LocalDate today) {
    authorize(update, role);
    if (before.followsParent() && (update.touchesImplementation() || update.touchesTest())) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Action '"
              + before.key()
              + "' follows the statuses of its"
              + " parent action (instance "
              + before.parentInstanceId()
              + "): change the parent instead.");
    }
    List<Violation> violations = new ArrayList<>();
    for (String field : update.clear()) {
      if (!ActionUpdate.CLEARABLE.contains(field)) {
        violations.add(
            new Violation(
                "clear",
                "'"
                    + field
                    + "' cannot be cleared; clearable fields are "
                    + String.join(", ", new java.util.TreeSet<>(ActionUpdate.CLEARABLE))));
      }
    }

    ImplementationStatus implementation =
        update.implementationStatus() != null
            ? update.implementationStatus()
            : before.implementationStatus();
    LocalDate date = before.implementationDate();
    String implementedBy = before.implementedBy();
    if (update.implementationStatus() != null
        && update.implementationStatus() != before.implementationStatus()) {
      date = implementation.done() ? today : null;
      implementedBy = implementation.done() ? callerId : null;
    }
    if (update.clears("implementationDate")) {
      date = null;
    }
    if (update.implementationDate() != null) {
      if (!implementation.done()) {
        violations.add(
            new Violation(
                "implementationDate",
                "an implementation date goes only with status"
                    + " implemented or alternative implementation; the status is "
                    + implementation));
      } else if (update.implementationDate().isAfter(today)) {
        violations.add(
            new Violation("implementationDate", "an implementation date is not in the future"));
      }
      date = update.implementationDate();
    }

    TestStatus test = update.testStatus() != null ? update.testStatus() : before.testStatus();
    if (!implementation.done()) {
      // not implemented, planned or out of scope: there is nothing to test
      if (update.testStatus() != null && update.testStatus() != TestStatus.NONE) {
        violations.add(
            new Violation(
                "testStatus",
                "a test status is recorded only once the action is implemented"
                    + " (or implemented another way); its implementation status is "
                    + implementation
                    + (implementation == ImplementationStatus.OUT_OF_SCOPE
                        ? ", which takes it out of the score without a test"
                        : "")));
      }
      test = TestStatus.NONE;
    }
    if (implementation.done()
        && update.testStatus() != null
        && !takenByHand(before.testingSource(), update.testStatus())) {
      violations.add(
          new Violation(
              "testStatus",
              update.testStatus()
                  + " comes from automatic testing, and '"
                  + before.key()
                  + "' is tested by hand: record IN_PROGRESS, PASSED, a FAILED_* status, NOT_ASSESSED"
                  + " or OUT_OF_SCOPE"));
    }
    boolean reasonGiven =
        update.testOverrideReason() != null && !update.testOverrideReason().isBlank();
    if (update.testStatus() != null && before.testingSource().overriddenByHand() && !reasonGiven) {
      violations.add(
          new Violation(
              "testOverrideReason",
              "'"
                  + before.key()
                  + "' is tested automatically: a result"
                  + " set by hand overrides it and needs a reason"));
    }
    if (update.testStatus() != null
        && RESULTS.contains(update.testStatus())
        && role != TenantRole.ADMIN
        && callerId.equals(implementedBy)) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Separation of duties: you implemented '"
              + before.key()
              + "', so someone else records its test result.");
    }
    BigDecimal fraction =
        update.passedFraction() != null ? update.passedFraction() : before.passedFraction();
    if (test != TestStatus.PARTIALLY_TESTED) {
      if (update.passedFraction() != null) {
        violations.add(
            new Violation(
                "passedFraction",
                "a passed fraction goes only with test status" + " PARTIALLY_TESTED"));
      }
      fraction = null;
    } else if (fraction == null
        || fraction.signum() < 0
        || fraction.compareTo(BigDecimal.ONE) > 0) {
      violations.add(
          new Violation("passedFraction", "PARTIALLY_TESTED needs a passed fraction from 0 to 1"));
    }

    // the reason stays on the instance while the status a person set on an automatic test stands
    String overrideReason = before.testOverrideReason();
    if (update.testStatus() != null && before.testingSource().overriddenByHand() && reasonGiven) {
      overrideReason = update.testOverrideReason().strip();
    }
    if (test == TestStatus.NONE) {
      overrideReason = null;
    }
    if (overrideReason != null && overrideReason.length() > 1000) {
      violations.add(new Violation("testOverrideReason", "at most 1000 characters"));
    }

    String notes =
        update.clears("notes")
            ? null
            : update.notes() != null ? blankToNull(update.notes()) : before.notes();
    if (notes != null && notes.length() > 4000) {
      violations.add(new Violation("notes", "at most 4000 characters"));
    }
    ReadableText.fault(update.notes(), true)
        .ifPresent(rule -> violations.add(new Violation("notes", rule)));
    ReadableText.fault(update.testOverrideReason(), true)
        .ifPresent(rule -> violations.add(new Violation("testOverrideReason", rule)));
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The change was not saved", violations);
    }

    Person newAssignee =
        update.clears("assigneeId")
            ? null
            : assignee != null ? assignee : person(before.assigneeId(), before.assigneeName());
    Person newTester =
        update.clears("testerId")
            ? null
            : tester != null ? tester : person(before.testerId(), before.testerName());
    LocalDate due =
        update.clears("dueDate")
            ? null
            : update.dueDate() != null ? update.dueDate() : before.dueDate();
    return before.with(
        implementation,
        date,
        test,
        fraction,
        overrideReason,
        notes,
        newAssignee == null ? null : newAssignee.id(),
        newAssignee == null ? null : newAssignee.name(),
        newTester == null ? null : newTester.id(),
        newTester == null ? null : newTester.name(),
        due,
        update.priority() != null ? update.priority() : before.priority(),
        implementedBy);
  }

  /**
   * What a member of that role may change of the instance, and the values it takes: the rules of
   * {@link #apply} as a page offers them.
   */
  static ActionOptions options(ActionInstance instance, TenantRole role) {
    boolean ownStatuses = !instance.followsParent();
    return new ActionOptions(
        ownStatuses && setsImplementation(role),
        ownStatuses && recordsTests(role),
        Permission.WORK_ON_ACTIONS.tenantRoles().contains(role),
        assigns(role),
        List.of(ImplementationStatus.values()),
        Arrays.stream(TestStatus.values())
            .filter(status -> takenByHand(instance.testingSource(), status))
            .toList(),
        instance.testingSource().overriddenByHand());
  }

  /** Contributors and admins set the implementation. */
  private static boolean setsImplementation(TenantRole role) {
    return role == TenantRole.ADMIN || role == TenantRole.CONTRIBUTOR;
  }

  /** Assessors and admins record the test result. */
  private static boolean recordsTests(TenantRole role) {
    return role == TenantRole.ADMIN || role == TenantRole.ASSESSOR;
  }

  /** Admins assign, and set due dates and priorities. */
  private static boolean assigns(TenantRole role) {
    return role == TenantRole.ADMIN;
  }

  /**
   * Whether a person may set this test status on an action of that testing source: the statuses of
   * automatic testing only on an automatically tested action.
   */
  private static boolean takenByHand(TestingSource source, TestStatus status) {
    return !status.automatic() || source != TestingSource.MANUAL;
  }

  /** Refuses a change of a field the caller's role may not set, naming the field. */
  private static void authorize(ActionUpdate update, TenantRole role) {
    String implementation = update.implementationField();
    if (implementation != null && !setsImplementation(role)) {
      throw new AccessDeniedException(
          "Setting the implementation needs the contributor or admin role; you are "
              + role.id()
              + " in this tenant.",
          implementation);
    }
    String test = update.testField();
    if (test != null && !recordsTests(role)) {
      throw new AccessDeniedException(
          "Recording a test result needs the assessor or admin role; you are "
              + role.id()
              + " in this tenant.",
          test);
    }
    String assignment = update.assignmentField();
    if (assignment != null && !assigns(role)) {
      throw new AccessDeniedException(
          "Assigning an action, its due date and priority need the admin role; you are "
              + role.id()
              + " in this tenant.",
          assignment);
    }
  }

  private static Person person(String id, String name) {
    return id == null ? null : new Person(id, name);
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text.strip();
  }
}
