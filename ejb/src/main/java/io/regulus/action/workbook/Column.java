package io.regulus.action.workbook;

import io.regulus.action.Priority;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.spreadsheet.XlsxSheet;
import java.util.function.Function;

/**
 * The columns of the action workbook, in their order: the header a user sees, whether the upload
 * reads the column, the kind of its cells, its least width in characters, and the enum whose labels
 * its drop-down offers. Writer and reader both go by this list, so the two cannot drift apart.
 */
enum Column {
  ACTION_ID("Action id", false, XlsxSheet.Kind.WHOLE, 10, ActionSheet.Row::actionId),
  VERSION("Version", false, XlsxSheet.Kind.WHOLE, 8, ActionSheet.Row::version),
  KEY("Key", false, XlsxSheet.Kind.TEXT, 20, ActionSheet.Row::key),
  TITLE("Title", false, XlsxSheet.Kind.TEXT, 40, ActionSheet.Row::title),
  GROUP("Group", false, XlsxSheet.Kind.TEXT, 14, ActionSheet.Row::group),
  TYPE("Type", false, XlsxSheet.Kind.TEXT, 14, ActionSheet.Row::type),
  POINTS("Points", false, XlsxSheet.Kind.WHOLE, 7, ActionSheet.Row::points),
  ASSIGNEE("Assignee", true, XlsxSheet.Kind.TEXT, 24, ActionSheet.Row::assignee),
  TESTER("Tester", true, XlsxSheet.Kind.TEXT, 24, ActionSheet.Row::tester),
  IMPLEMENTATION_STATUS(
      "Implementation status",
      true,
      XlsxSheet.Kind.TEXT,
      26,
      ActionSheet.Row::implementationStatus,
      ImplementationStatus.class),
  IMPLEMENTATION_DATE(
      "Implementation date", true, XlsxSheet.Kind.DATE, 12, ActionSheet.Row::implementationDate),
  TEST_STATUS(
      "Test status", true, XlsxSheet.Kind.TEXT, 22, ActionSheet.Row::testStatus, TestStatus.class),
  PASSED_FRACTION(
      "Passed fraction", true, XlsxSheet.Kind.DECIMAL, 10, ActionSheet.Row::passedFraction),
  DUE_DATE("Due date", true, XlsxSheet.Kind.DATE, 12, ActionSheet.Row::dueDate),
  PRIORITY("Priority", true, XlsxSheet.Kind.TEXT, 10, ActionSheet.Row::priority, Priority.class),
  NOTES("Notes", true, XlsxSheet.Kind.TEXT, 60, ActionSheet.Row::notes);

  private final String header;
  private final boolean editable;
  private final XlsxSheet.Kind kind;
  private final int width;
  private final Function<ActionSheet.Row, Object> value;
  private final Class<? extends Enum<?>> choices;

  Column(
      String header,
      boolean editable,
      XlsxSheet.Kind kind,
      int width,
      Function<ActionSheet.Row, Object> value) {
    this(header, editable, kind, width, value, null);
  }

  Column(
      String header,
      boolean editable,
      XlsxSheet.Kind kind,
      int width,
      Function<ActionSheet.Row, Object> value,
      Class<? extends Enum<?>> choices) {
    this.header = header;
    this.editable = editable;
    this.kind = kind;
    this.width = width;
    this.value = value;
    this.choices = choices;
  }

  String header() {
    return header;
  }

  boolean editable() {
    return editable;
  }

  XlsxSheet.Kind kind() {
    return kind;
  }

  int width() {
    return width;
  }

  Object value(ActionSheet.Row row) {
    return value.apply(row);
  }

  /** The enum of the column's drop-down, or null for a free column. */
  Class<? extends Enum<?>> choices() {
    return choices;
  }
}
