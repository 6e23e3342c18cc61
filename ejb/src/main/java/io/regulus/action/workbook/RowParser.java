package io.regulus.action.workbook;

import io.regulus.action.Priority;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.spreadsheet.CellError;
import io.regulus.spreadsheet.EnumLabels;
import io.regulus.spreadsheet.SheetCells;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellReference;

/**
 * Turns one data row of the action sheet into an {@link ActionSheet.Edit}, naming every cell at
 * fault rather than stopping at the first; the blank-cell rules are {@link ActionSheet.Edit}'s. The
 * read-only columns are not read.
 */
final class RowParser {

  static final int NAME_MAX = 255;
  static final int NOTES_MAX = 4000;
  private static final MathContext EXCEL_PRECISION = new MathContext(15);

  private final int rowNumber;
  private final Map<Integer, SheetCells.Cell> cells;
  private final List<CellError> errors;
  private final int errorsBefore;

  private RowParser(int rowNumber, Map<Integer, SheetCells.Cell> cells, List<CellError> errors) {
    this.rowNumber = rowNumber;
    this.cells = cells;
    this.errors = errors;
    this.errorsBefore = errors.size();
  }

  /** The row's edit, or empty when any of its cells is at fault (each added to {@code errors}). */
  static Optional<ActionSheet.Edit> parse(
      int rowNumber, Map<Integer, SheetCells.Cell> cells, List<CellError> errors) {
    return new RowParser(rowNumber, cells, errors).parse();
  }

  private Optional<ActionSheet.Edit> parse() {
    Long actionId = whole(Column.ACTION_ID, 1);
    Long version = whole(Column.VERSION, 0);
    String assignee = text(Column.ASSIGNEE, NAME_MAX);
    String tester = text(Column.TESTER, NAME_MAX);
    ImplementationStatus implementation =
        choice(Column.IMPLEMENTATION_STATUS, ImplementationStatus.class);
    LocalDate implemented = date(Column.IMPLEMENTATION_DATE);
    TestStatus test = choice(Column.TEST_STATUS, TestStatus.class);
    BigDecimal fraction = fraction(Column.PASSED_FRACTION);
    LocalDate due = date(Column.DUE_DATE);
    Priority priority = choice(Column.PRIORITY, Priority.class);
    String notes = text(Column.NOTES, NOTES_MAX);
    int columns = Column.values().length;
    cells.keySet().stream()
        .filter(index -> index >= columns)
        .forEach(
            index ->
                errors.add(
                    new CellError(
                        ActionSheet.SHEET,
                        rowNumber,
                        CellReference.convertNumToColString(index),
                        cells.get(index).shown(),
                        "right of the table, which ends at "
                            + Column.NOTES.header()
                            + ": nothing there is read, so clear the cell")));
    if (errors.size() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new ActionSheet.Edit(
            rowNumber,
            actionId,
            version,
            assignee,
            tester,
            implementation,
            implemented,
            test,
            fraction,
            due,
            priority,
            notes));
  }

  private Long whole(Column column, long min) {
    SheetCells.Cell cell = cells.get(column.ordinal());
    if (faulty(column, cell)) {
      return null;
    }
    if (cell == null) {
      return fail(
          column,
          null,
          "required: the number exported with the action; a row cannot add an action");
    }
    try {
      long number = new BigDecimal(cell.text().strip()).longValueExact();
      if (cell.date() == null && number >= min) {
        return number;
      }
    } catch (NumberFormatException | ArithmeticException notWhole) {
      // reported below
    }
    return fail(column, cell, "the whole number exported with the action, left as it was");
  }

  private String text(Column column, int max) {
    SheetCells.Cell cell = cells.get(column.ordinal());
    if (faulty(column, cell)) {
      return null;
    }
    if (cell == null) {
      return null;
    }
    String text = cell.date() != null ? cell.date().toLocalDate().toString() : cell.text().strip();
    if (text.length() > max) {
      return fail(column, cell, "at most " + max + " characters (got " + text.length() + ")");
    }
    return text;
  }

  private <E extends Enum<E>> E choice(Column column, Class<E> type) {
    SheetCells.Cell cell = cells.get(column.ordinal());
    if (faulty(column, cell)) {
      return null;
    }
    String allowed = String.join(", ", EnumLabels.labels(type));
    if (cell == null) {
      return fail(column, null, "required: one of " + allowed);
    }
    Optional<E> constant =
        cell.date() == null ? EnumLabels.parse(type, cell.text()) : Optional.empty();
    return constant.orElseGet(() -> fail(column, cell, "one of " + allowed));
  }

  private LocalDate date(Column column) {
    SheetCells.Cell cell = cells.get(column.ordinal());
    if (faulty(column, cell)) {
      return null;
    }
    if (cell == null) {
      return null;
    }
    if (cell.date() != null) {
      return cell.date().toLocalDate();
    }
    try {
      return LocalDate.parse(cell.text().strip());
    } catch (DateTimeParseException notIso) {
      return fail(
          column, cell, "a date such as 2026-03-31: a date cell, or text written yyyy-mm-dd");
    }
  }

  private BigDecimal fraction(Column column) {
    SheetCells.Cell cell = cells.get(column.ordinal());
    if (faulty(column, cell)) {
      return null;
    }
    if (cell == null) {
      return null;
    }
    String text = cell.text().strip();
    boolean percent = text.endsWith("%");
    try {
      BigDecimal number =
          new BigDecimal(percent ? text.substring(0, text.length() - 1).strip() : text);
      number =
          (percent ? number.movePointLeft(2) : number).round(EXCEL_PRECISION).stripTrailingZeros();
      if (cell.date() == null && number.signum() >= 0 && number.compareTo(BigDecimal.ONE) <= 0) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    return fail(column, cell, "a number from 0 to 1, such as 0.75 (or 75%)");
  }

  /**
   * Whether the cell holds an Excel error (#N/A, #REF!, ...), which is then reported: it is no
   * value at all.
   */
  private boolean faulty(Column column, SheetCells.Cell cell) {
    if (cell == null || !cell.error()) {
      return false;
    }
    fail(
        column,
        cell,
        "holds the Excel error " + cell.shown() + ": put a value there, or leave it blank");
    return true;
  }

  private <T> T fail(Column column, SheetCells.Cell cell, String reason) {
    errors.add(
        new CellError(
            ActionSheet.SHEET,
            rowNumber,
            column.header(),
            cell == null ? null : cell.shown(),
            reason));
    return null;
  }
}
