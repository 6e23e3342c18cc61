package io.regulus.action;

import static io.regulus.action.TestingSource.AUTOMATIC;
import static io.regulus.action.TestingSource.MANUAL;
import static io.regulus.action.TestingSource.PARENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.regulus.access.AccessDeniedException;
import io.regulus.access.TenantRole;
import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.ManagedBy;
import io.regulus.scoring.TestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The action workflow rules of docs/workflow.md on one instance. */
class ActionWorkflowTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private static final ActionInstance UNTOUCHED =
      instance(ImplementationStatus.NOT_IMPLEMENTED, TestStatus.NONE, null, MANUAL, null, null);

  @Test
  void implementingSetsTodayAndTheImplementerThenAnotherPersonTests() {
    ActionInstance implemented =
        apply(
            UNTOUCHED,
            statuses(ImplementationStatus.IMPLEMENTED, null, null),
            TenantRole.CONTRIBUTOR,
            "bob");
    assertThat(implemented.implementationDate()).isEqualTo(TODAY);
    assertThat(implemented.implementedBy()).isEqualTo("bob");
    ActionInstance passed =
        apply(implemented, statuses(null, TestStatus.PASSED, null), TenantRole.ASSESSOR, "carol");
    assertThat(passed.testStatus()).isEqualTo(TestStatus.PASSED);
  }

  @Test
  void eachRoleChangesOnlyItsPart() {
    assertThat(
            catchThrowableOfType(
                () ->
                    apply(
                        UNTOUCHED,
                        statuses(ImplementationStatus.PLANNED, null, null),
                        TenantRole.ASSESSOR,
                        "carol"),
                AccessDeniedException.class))
        .hasMessageContaining("contributor or admin");
    ActionInstance implemented =
        instance(ImplementationStatus.IMPLEMENTED, TestStatus.NONE, null, MANUAL, null, "bob");
    assertThat(
            catchThrowableOfType(
                () ->
                    apply(
                        implemented,
                        statuses(null, TestStatus.PASSED, null),
                        TenantRole.CONTRIBUTOR,
                        "bob"),
                AccessDeniedException.class))
        .hasMessageContaining("assessor or admin");
    assertThat(
            catchThrowableOfType(
                () ->
                    apply(
                        UNTOUCHED,
                        new ActionUpdate(
                            null, null, null, null, null, null, null, TODAY, null, null, null),
                        TenantRole.CONTRIBUTOR,
                        "bob"),
                AccessDeniedException.class))
        .hasMessageContaining("admin role");
    assertThat(
            apply(
                    UNTOUCHED,
                    new ActionUpdate(
                        null, null, null, null, "  seen  ", null, null, null, null, null, null),
                    TenantRole.ASSESSOR,
                    "carol")
                .notes())
        .isEqualTo("seen");
  }

  @Test
  void whoImplementedDoesNotJudgeUnlessAdmin() {
    ActionInstance implemented =
        instance(ImplementationStatus.IMPLEMENTED, TestStatus.NONE, null, MANUAL, null, "carol");
    DomainException conflict =
        catchThrowableOfType(
            () ->
                apply(
                    implemented,
                    statuses(null, TestStatus.PASSED, null),
                    TenantRole.ASSESSOR,
                    "carol"),
            DomainException.class);
    assertThat(conflict.kind()).isEqualTo(ProblemKind.CONFLICT);
    assertThat(conflict).hasMessageContaining("Separation of duties");
    assertThat(
            apply(implemented, statuses(null, TestStatus.PASSED, null), TenantRole.ADMIN, "carol")
                .testStatus())
        .isEqualTo(TestStatus.PASSED);
  }

  @Test
  void aTestResultNeedsTheActionImplementedAndGoingBackClearsIt() {
    assertThat(
            violations(
                () ->
                    apply(
                        UNTOUCHED, statuses(null, TestStatus.PASSED, null), TenantRole.ADMIN, "a")))
        .containsExactly("testStatus");
    ActionInstance passed =
        instance(ImplementationStatus.IMPLEMENTED, TestStatus.PASSED, null, MANUAL, null, "b");
    ActionInstance planned =
        apply(passed, statuses(ImplementationStatus.PLANNED, null, null), TenantRole.ADMIN, "a");
    assertThat(planned.testStatus()).isEqualTo(TestStatus.NONE);
    assertThat(planned.implementationDate()).isNull();
    assertThat(planned.implementedBy()).isNull();
  }

  @Test
  void anImplementationOutOfScopeTakesNoTestStatusAndDropsItsResult() {
    ActionInstance outOfScope =
        instance(ImplementationStatus.OUT_OF_SCOPE, TestStatus.NONE, null, MANUAL, null, null);
    for (TestStatus status : TestStatus.values()) {
      if (status != TestStatus.NONE) {
        assertThat(
                violations(
                    () -> apply(outOfScope, statuses(null, status, null), TenantRole.ADMIN, "a")))
            .as(status.name())
            .containsExactly("testStatus");
      }
    }
    assertThat(
            violations(
                () ->
                    apply(
                        UNTOUCHED,
                        statuses(ImplementationStatus.OUT_OF_SCOPE, TestStatus.PASSED, null),
                        TenantRole.ADMIN,
                        "a")))
        .containsExactly("testStatus");
    ActionInstance passed =
        instance(ImplementationStatus.IMPLEMENTED, TestStatus.PASSED, null, MANUAL, null, "b");
    ActionInstance dropped =
        apply(
            passed, statuses(ImplementationStatus.OUT_OF_SCOPE, null, null), TenantRole.ADMIN, "a");
    assertThat(dropped.testStatus()).isEqualTo(TestStatus.NONE);
    assertThat(dropped.implementationDate()).isNull();
  }

  @Test
  void aPassedFractionGoesWithAPartialTestOnly() {
    ActionInstance implemented =
        instance(ImplementationStatus.IMPLEMENTED, TestStatus.NONE, null, AUTOMATIC, null, "b");
    assertThat(
            apply(
                    implemented,
                    overridden(TestStatus.PARTIALLY_TESTED, new BigDecimal("0.25")),
                    TenantRole.ADMIN,
                    "a")
                .passedFraction())
        .isEqualByComparingTo("0.25");
    assertThat(
            violations(
                () ->
                    apply(
                        implemented,
                        overridden(TestStatus.PARTIALLY_TESTED, null),
                        TenantRole.ADMIN,
                        "a")))
        .containsExactly("passedFraction");
    assertThat(
            violations(
                () ->
                    apply(
                        implemented,
                        overridden(TestStatus.PASSED, BigDecimal.ONE),
                        TenantRole.ADMIN,
                        "a")))
        .containsExactly("passedFraction");
  }

  @Test
  void anAutomaticTestIsOverriddenOnlyWithAReason() {
    ActionInstance automatic =
        instance(
            ImplementationStatus.IMPLEMENTED,
            TestStatus.TO_BE_DETECTED,
            null,
            AUTOMATIC,
            null,
            "b");
    assertThat(
            violations(
                () ->
                    apply(
                        automatic, statuses(null, TestStatus.PASSED, null), TenantRole.ADMIN, "a")))
        .containsExactly("testOverrideReason");
    ActionInstance overridden =
        apply(automatic, overridden(TestStatus.PASSED, null), TenantRole.ADMIN, "a");
    assertThat(overridden.testStatus()).isEqualTo(TestStatus.PASSED);
    assertThat(overridden.testOverrideReason()).isEqualTo("Checked the console by hand");
    // the reason stays with the status it explains, and goes with it
    assertThat(
            apply(overridden, statuses(null, null, null), TenantRole.ADMIN, "a")
                .testOverrideReason())
        .isEqualTo("Checked the console by hand");
    assertThat(
            apply(
                    overridden,
                    statuses(ImplementationStatus.PLANNED, null, null),
                    TenantRole.ADMIN,
                    "a")
                .testOverrideReason())
        .isNull();
    ActionInstance manual =
        instance(ImplementationStatus.IMPLEMENTED, TestStatus.NONE, null, MANUAL, null, "b");
    ActionInstance passed =
        apply(manual, statuses(null, TestStatus.PASSED, null), TenantRole.ADMIN, "a");
    assertThat(passed.testStatus()).isEqualTo(TestStatus.PASSED);
    assertThat(passed.testOverrideReason()).isNull();
  }

  @Test
  void theStatusesOfAutomaticTestingAreNotSetByHandOnAManualAction() {
    ActionInstance manual =
        instance(ImplementationStatus.IMPLEMENTED, TestStatus.NONE, null, MANUAL, null, "b");
    for (TestStatus status :
        List.of(
            TestStatus.TO_BE_DETECTED,
            TestStatus.COULD_NOT_BE_DETECTED,
            TestStatus.PARTIALLY_TESTED)) {
      assertThat(
              violations(
                  () ->
                      apply(
                          manual,
                          statuses(
                              null,
                              status,
                              status == TestStatus.PARTIALLY_TESTED ? BigDecimal.ONE : null),
                          TenantRole.ADMIN,
                          "a")))
          .as(status.name())
          .containsExactly("testStatus");
    }
    ActionInstance automatic =
        instance(ImplementationStatus.IMPLEMENTED, TestStatus.NONE, null, AUTOMATIC, null, "b");
    assertThat(
            apply(
                    automatic,
                    overridden(TestStatus.COULD_NOT_BE_DETECTED, null),
                    TenantRole.ADMIN,
                    "a")
                .testStatus())
        .isEqualTo(TestStatus.COULD_NOT_BE_DETECTED);
  }

  /** A test status set by hand, with the reason an automatic test's override needs. */
  private static ActionUpdate overridden(TestStatus test, BigDecimal fraction) {
    return test(test, fraction, "Checked the console by hand");
  }

  @Test
  void anActionFollowingItsParentTakesNoStatusesButCanBeAssigned() {
    ActionInstance child =
        instance(ImplementationStatus.NOT_IMPLEMENTED, TestStatus.NONE, null, PARENT, 9L, null);
    assertThat(
            catchThrowableOfType(
                () ->
                    apply(
                        child,
                        statuses(ImplementationStatus.IMPLEMENTED, null, null),
                        TenantRole.ADMIN,
                        "a"),
                DomainException.class))
        .hasMessageContaining("follows the statuses of its parent");
    ActionInstance assigned =
        ActionWorkflow.apply(
            child,
            new ActionUpdate(
                null,
                null,
                null,
                null,
                null,
                "u-1",
                null,
                TODAY.plusDays(7),
                Priority.HIGH,
                null,
                null),
            TenantRole.ADMIN,
            "a",
            new ActionWorkflow.Person("u-1", "bob"),
            null,
            TODAY);
    assertThat(assigned.assigneeName()).isEqualTo("bob");
    assertThat(assigned.priority()).isEqualTo(Priority.HIGH);
    ActionInstance cleared =
        apply(
            assigned,
            new ActionUpdate(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of("assigneeId", "dueDate")),
            TenantRole.ADMIN,
            "a");
    assertThat(cleared.assigneeId()).isNull();
    assertThat(cleared.dueDate()).isNull();
    assertThat(
            violations(
                () ->
                    apply(
                        assigned,
                        new ActionUpdate(
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Set.of("points")),
                        TenantRole.ADMIN,
                        "a")))
        .containsExactly("clear");
  }

  @Test
  void overdueIsADueDatePassedOnAnUnfinishedAction() {
    ActionInstance due =
        UNTOUCHED.with(
            ImplementationStatus.PLANNED,
            null,
            TestStatus.NONE,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            TODAY.minusDays(1),
            Priority.MEDIUM,
            null);
    assertThat(due.overdue(TODAY)).isTrue();
    assertThat(due.overdue(TODAY.minusDays(1))).isFalse();
    ActionInstance passed =
        due.with(
            ImplementationStatus.IMPLEMENTED,
            TODAY,
            TestStatus.PASSED,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            TODAY.minusDays(1),
            Priority.MEDIUM,
            "b");
    assertThat(passed.overdue(TODAY)).isFalse();
  }

  @Test
  void theOptionsOfferedAreExactlyWhatTheWorkflowAccepts() {
    for (TestingSource source : TestingSource.values()) {
      ActionInstance action =
          instance(
              ImplementationStatus.IMPLEMENTED,
              TestStatus.NONE,
              null,
              source,
              source == PARENT ? 7L : null,
              "bob");
      for (TenantRole role : TenantRole.values()) {
        ActionOptions options = ActionWorkflow.options(action, role);
        String reason = options.overrideNeedsReason() ? "scanner offline" : null;
        assertThat(accepted(action, statuses(ImplementationStatus.PLANNED, null, null), role))
            .as("implementation, %s on a %s action", role, source)
            .isEqualTo(options.implementation());
        assertThat(accepted(action, test(TestStatus.IN_PROGRESS, null, reason), role))
            .as("test, %s on a %s action", role, source)
            .isEqualTo(options.test());
        assertThat(options.notes())
            .isEqualTo(role != TenantRole.READER && role != TenantRole.SIGNAL_WRITER);
        assertThat(options.assignment()).isEqualTo(role == TenantRole.ADMIN);
        assertThat(options.implementationStatuses()).containsExactly(ImplementationStatus.values());
      }
      ActionOptions admin = ActionWorkflow.options(action, TenantRole.ADMIN);
      if (source == PARENT) {
        continue;
      }
      for (TestStatus status : TestStatus.values()) {
        BigDecimal fraction = status == TestStatus.PARTIALLY_TESTED ? new BigDecimal("0.5") : null;
        ActionUpdate update =
            test(status, fraction, admin.overrideNeedsReason() ? "scanner offline" : null);
        assertThat(accepted(action, update, TenantRole.ADMIN))
            .as("%s on a %s action", status, source)
            .isEqualTo(admin.testStatuses().contains(status));
      }
    }
  }

  private static boolean accepted(ActionInstance action, ActionUpdate update, TenantRole role) {
    try {
      apply(action, update, role, "carol");
      return true;
    } catch (io.regulus.problem.DomainException refused) {
      return false;
    }
  }

  /** A test status (with its passed fraction and override reason, when given) and nothing else. */
  private static ActionUpdate test(TestStatus status, BigDecimal fraction, String reason) {
    return new ActionUpdate(
        null, null, status, fraction, null, null, null, null, null, reason, null);
  }

  private static ActionInstance apply(
      ActionInstance before, ActionUpdate update, TenantRole role, String caller) {
    return ActionWorkflow.apply(before, update, role, caller, null, null, TODAY);
  }

  private static ActionUpdate statuses(
      ImplementationStatus implementation, TestStatus test, BigDecimal fraction) {
    return ActionUpdate.statuses(implementation, test, fraction);
  }

  private static List<String> violations(Runnable change) {
    return catchThrowableOfType(change::run, InvalidInputException.class).violations().stream()
        .map(Violation::field)
        .toList();
  }

  static ActionInstance instance(
      ImplementationStatus implementation,
      TestStatus test,
      BigDecimal fraction,
      TestingSource testingSource,
      Long parent,
      String implementedBy) {
    return new ActionInstance(
        1,
        "a",
        "A",
        ActionType.TECHNICAL,
        27,
        "Control access",
        null,
        ManagedBy.CUSTOMER,
        ActionOrigin.LIBRARY,
        testingSource,
        parent,
        null,
        null,
        implementation,
        implementation.done() ? LocalDate.of(2026, 1, 1) : null,
        test,
        fraction,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Priority.MEDIUM,
        false,
        implementedBy,
        List.of("GDPR"),
        List.of(1L),
        List.of(1L),
        Instant.EPOCH,
        null,
        0,
        null);
  }
}
