package io.regulus.action;

import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A change of an instance: a null field stays as it is; a field named in {@code clear} is emptied
 * (assigneeId, testerId, dueDate, implementationDate, notes). {@code testOverrideReason} is
 * required to record a test result by hand on an automatically tested action, and is kept in the
 * history.
 */
public record ActionUpdate(
    ImplementationStatus implementationStatus,
    LocalDate implementationDate,
    TestStatus testStatus,
    BigDecimal passedFraction,
    String notes,
    String assigneeId,
    String testerId,
    LocalDate dueDate,
    Priority priority,
    String testOverrideReason,
    Set<String> clear) {

  /** The fields {@code clear} may name. */
  public static final Set<String> CLEARABLE =
      Set.of("assigneeId", "testerId", "dueDate", "implementationDate", "notes");

  public ActionUpdate {
    clear = clear == null ? Set.of() : Set.copyOf(clear);
  }

  /** An update of the statuses alone. */
  public static ActionUpdate statuses(
      ImplementationStatus implementation, TestStatus test, BigDecimal fraction) {
    return new ActionUpdate(
        implementation, null, test, fraction, null, null, null, null, null, null, null);
  }

  boolean clears(String field) {
    return clear.contains(field);
  }

  boolean touchesImplementation() {
    return implementationField() != null;
  }

  boolean touchesTest() {
    return testField() != null;
  }

  /** The first implementation field the update sets or clears, or null. */
  String implementationField() {
    if (implementationStatus != null) {
      return "implementationStatus";
    }
    return implementationDate != null || clears("implementationDate") ? "implementationDate" : null;
  }

  /** The first test field the update sets, or null. */
  String testField() {
    if (testStatus != null) {
      return "testStatus";
    }
    return passedFraction != null ? "passedFraction" : null;
  }

  /**
   * The first assignment field (assignee, tester, due date, priority) it sets or clears, or null.
   */
  String assignmentField() {
    if (assigneeId != null || clears("assigneeId")) {
      return "assigneeId";
    }
    if (testerId != null || clears("testerId")) {
      return "testerId";
    }
    if (dueDate != null || clears("dueDate")) {
      return "dueDate";
    }
    return priority != null ? "priority" : null;
  }

  static String describe(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
