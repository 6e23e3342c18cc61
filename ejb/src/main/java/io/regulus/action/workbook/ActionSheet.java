package io.regulus.action.workbook;

import io.regulus.action.Priority;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.spreadsheet.CellError;
import io.regulus.spreadsheet.EnumLabels;
import io.regulus.spreadsheet.XlsxBook;
import io.regulus.spreadsheet.XlsxSheet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The bulk-update workbook of improvement actions, shaped like Compliance Manager's: one sheet
 * "Actions", a header row, one row per action instance. A tenant exports it, edits it in Excel, and
 * uploads it back; {@link #read} gives the edits it asks for and every cell at fault, and the
 * action service decides what to apply (the workflow rules, such as a test status needing the
 * action implemented, are the service's, not this reader's).
 *
 * <p>Columns, in order: Action id, Version, Key, Title, Group, Type, Points (grey, read-only: they
 * identify the row), then Assignee, Tester (a user's username or email), Implementation status,
 * Implementation date, Test status, Passed fraction, Due date, Priority, Notes (editable). Statuses
 * and priority show as labels ("Not implemented") with a drop-down; dates as yyyy-mm-dd. The sheet
 * is not password-protected: the grey columns are ignored on upload, so a change there does
 * nothing. Version is the instance's version when exported, for the service's optimistic check.
 *
 * <p>Both directions stream: writing keeps 100 rows in memory (SXSSF); reading parses the sheet's
 * XML while it is inflated (SAX), refusing uploads over {@value #MAX_BYTES} bytes, zip bombs, and
 * sheets of more than {@value #MAX_ROWS} actions.
 */
public final class ActionSheet {

  public static final String SHEET = "Actions";

  /**
   * The most action rows one upload may hold (a few hundred is typical, a tenant's whole portfolio
   * a few thousand).
   */
  public static final int MAX_ROWS = 20_000;

  /** The largest upload read, 32 MiB: far above a workbook of {@value #MAX_ROWS} actions. */
  public static final long MAX_BYTES = 32L << 20;

  /** One action instance as exported; {@code group} is null for a tenant-wide instance. */
  public record Row(
      long actionId,
      long version,
      String key,
      String title,
      String group,
      ActionType type,
      int points,
      String assignee,
      String tester,
      ImplementationStatus implementationStatus,
      LocalDate implementationDate,
      TestStatus testStatus,
      BigDecimal passedFraction,
      LocalDate dueDate,
      Priority priority,
      String notes) {}

  /**
   * What one data row of an upload asks for: the whole editable state of the action instance it
   * names, not a diff.
   *
   * <p>Blank cells: the statuses and the priority always have a value (a blank one is a {@link
   * CellError}, not a "keep": the row states the whole editable state, and every instance has
   * them); a blank assignee, tester, implementation date, passed fraction, due date or notes is
   * null and means "none" (so a blank clears what was set). Text is stripped of surrounding white
   * space. The passed fraction is a number from 0 to 1 (15 significant digits, trailing zeros
   * dropped); whether it goes with the test status is the service's rule.
   *
   * @param rowNumber the 1-based Excel row it came from, to report the service's own findings at
   *     the right place
   */
  public record Edit(
      int rowNumber,
      long actionId,
      long version,
      String assignee,
      String tester,
      ImplementationStatus implementationStatus,
      LocalDate implementationDate,
      TestStatus testStatus,
      BigDecimal passedFraction,
      LocalDate dueDate,
      Priority priority,
      String notes) {}

  /**
   * The outcome of an upload. The rows at fault have no edit; the others do, in sheet order, so a
   * caller can reject the whole upload or apply the good rows. A fault of the file or sheet as a
   * whole (not an .xlsx, no sheet "Actions", a wrong header, too many rows, too large) comes as the
   * one error, with no edits.
   */
  public record Parsed(List<Edit> edits, List<CellError> errors) {

    public Parsed {
      edits = List.copyOf(edits);
      errors = List.copyOf(errors);
    }

    static Parsed failed(CellError error) {
      return new Parsed(List.of(), List.of(error));
    }
  }

  private ActionSheet() {}

  /** Writes the workbook of {@code rows}; the stream is left open. */
  public static void write(List<Row> rows, OutputStream out) throws IOException {
    try (XlsxBook book = new XlsxBook()) {
      XlsxSheet sheet = book.sheet(SHEET);
      Column[] columns = Column.values();
      sheet.header(
          Arrays.stream(columns).map(Column::header).toList(),
          column -> !columns[column].editable());
      for (Row row : rows) {
        sheet.startRow();
        for (Column column : columns) {
          sheet.put(column.ordinal(), column.value(row), column.kind(), !column.editable());
        }
      }
      int last = Math.max(1, rows.size());
      for (Column column : columns) {
        sheet.minWidth(column.ordinal(), column.width());
        if (column.choices() != null) {
          sheet.dropDown(column.ordinal(), 1, last, EnumLabels.labels(column.choices()));
        }
      }
      sheet.decimalBetween(Column.PASSED_FRACTION.ordinal(), 1, last, "0", "1");
      book.write(out);
    }
  }

  /**
   * Reads an uploaded workbook: every data row of sheet "Actions" after the header, fully blank
   * rows skipped. Content never throws: whatever is wrong with it, from random bytes to a bad date,
   * comes back as a {@link CellError}.
   *
   * @throws IOException only when {@code in} itself or the temporary file fails
   */
  public static Parsed read(InputStream in) throws IOException {
    return new ActionSheetReader(MAX_ROWS, MAX_BYTES).read(in);
  }
}
