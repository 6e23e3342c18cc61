package io.regulus.action;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Which instances the actions list shows; a null (or empty) criterion keeps everything. Passed
 * instances are hidden unless {@code includePassed}, or unless the filter asks for test status
 * PASSED.
 *
 * @param assignee a member's Keycloak id (the caller's own for "my actions")
 * @param text words looked for in the title and the key, ignoring case
 */
public record ActionFilter(
    String regulation,
    Long assessment,
    Long group,
    String category,
    String solution,
    ActionType type,
    Set<ImplementationStatus> implementationStatus,
    Set<TestStatus> testStatus,
    String assignee,
    String tester,
    TestingSource testingSource,
    Priority priority,
    Boolean overdue,
    String text,
    boolean includePassed) {

  public static final ActionFilter ALL =
      new ActionFilter(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, true);

  public ActionFilter {
    implementationStatus =
        implementationStatus == null ? Set.of() : Set.copyOf(implementationStatus);
    testStatus = testStatus == null ? Set.of() : Set.copyOf(testStatus);
  }

  /** Whether the instance is listed. */
  public boolean lists(ActionInstance instance, LocalDate today) {
    boolean passedShown = includePassed || testStatus.contains(TestStatus.PASSED);
    return (passedShown || !instance.passed()) && selects(instance, today);
  }

  /**
   * Whether the instance is in the filtered set whose score the list shows (passed ones included).
   */
  public boolean selects(ActionInstance instance, LocalDate today) {
    return (regulation == null || instance.regulations().contains(regulation))
        && (assessment == null || instance.assessments().contains(assessment))
        && (group == null || instance.groups().contains(group))
        && (category == null || category.equals(instance.category()))
        && (solution == null || solution.equals(instance.solution()))
        && (type == null || type == instance.type())
        && (implementationStatus.isEmpty()
            || implementationStatus.contains(instance.implementationStatus()))
        && (testStatus.isEmpty() || testStatus.contains(instance.testStatus()))
        && (assignee == null || assignee.equals(instance.assigneeId()))
        && (tester == null || tester.equals(instance.testerId()))
        && (testingSource == null || testingSource == instance.testingSource())
        && (priority == null || priority == instance.priority())
        && (overdue == null || overdue == instance.overdue(today))
        && (text == null || contains(instance.title(), text) || contains(instance.key(), text));
  }

  private static boolean contains(String haystack, String needle) {
    return haystack != null
        && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
  }
}
