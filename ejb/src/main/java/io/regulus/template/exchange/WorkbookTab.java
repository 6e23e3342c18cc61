package io.regulus.template.exchange;

import io.regulus.spreadsheet.SheetCells;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellReference;

/**
 * One tab of a template workbook: its header row, which names the columns (in any case and any
 * order), and the checks of its cells, each fault reported where its author sees it (tab, row,
 * column header, value).
 */
final class WorkbookTab {

  private static final int SHOWN = 200;

  private final String name;
  private final int headerRow;
  private boolean missingRequired;
  private final Consumer<ImportProblem> problems;
  private final Map<String, Integer> columnOf = new HashMap<>();
  private final SortedMap<Integer, String> headers = new TreeMap<>();

  /**
   * Reads the header row, reporting a column named twice and each {@code required} column missing.
   */
  WorkbookTab(
      String name,
      int rowNumber,
      SortedMap<Integer, SheetCells.Cell> cells,
      List<String> required,
      Consumer<ImportProblem> problems) {
    this.name = name;
    this.headerRow = rowNumber;
    this.problems = problems;
    cells.forEach(
        (column, cell) -> {
          String header = cell.text().strip();
          Integer first = columnOf.putIfAbsent(key(header), column);
          if (first == null) {
            headers.put(column, header);
          } else {
            problems.accept(
                new ImportProblem(
                    name,
                    rowNumber,
                    header,
                    header,
                    "Columns "
                        + letter(first)
                        + " and "
                        + letter(column)
                        + " are both named \""
                        + header
                        + "\": keep one of them"));
          }
        });
    for (String column : required) {
      if (!has(column)) {
        missingRequired = true;
        problems.accept(
            new ImportProblem(
                name,
                rowNumber,
                column,
                null,
                "The tab has no column \""
                    + column
                    + "\": add it to the header row (row "
                    + rowNumber
                    + "), whose columns are "
                    + String.join(", ", headers.values())));
      }
    }
  }

  String name() {
    return name;
  }

  int headerRow() {
    return headerRow;
  }

  boolean has(String column) {
    return columnOf.containsKey(key(column));
  }

  /** The header row's names, by 0-based column, as written. */
  SortedMap<Integer, String> headers() {
    return headers;
  }

  Row row(int rowNumber, SortedMap<Integer, SheetCells.Cell> cells) {
    return new Row(rowNumber, cells);
  }

  void problem(Integer rowNumber, String column, String value, String reason) {
    problems.accept(new ImportProblem(name, rowNumber, column, shown(value), reason));
  }

  static String shown(String value) {
    return value == null || value.length() <= SHOWN
        ? value
        : value.substring(0, SHOWN - 1) + "\u2026";
  }

  private static String key(String header) {
    return header.toLowerCase(Locale.ROOT);
  }

  private static String letter(int column) {
    return CellReference.convertNumToColString(column);
  }

  /** One data row: its cells read by column name, every fault reported and remembered. */
  final class Row {
    private final int number;
    private final SortedMap<Integer, SheetCells.Cell> cells;
    private int faults;

    private Row(int number, SortedMap<Integer, SheetCells.Cell> cells) {
      this.number = number;
      this.cells = cells;
    }

    int number() {
      return number;
    }

    /** Whether a cell of the row is at fault, or a required column of the tab is missing. */
    boolean faulty() {
      return faults > 0 || missingRequired;
    }

    /**
     * The cell's text as stored (descriptions keep their lines and spaces); null when the column or
     * the value is missing or an error.
     */
    String raw(String column) {
      Integer index = columnOf.get(key(column));
      return index == null ? null : raw(index, headers.get(index));
    }

    /** The text of the cell in a 0-based column; null when blank or an Excel error. */
    String raw(int index, String header) {
      SheetCells.Cell cell = cells.get(index);
      if (cell == null || cell.text().isBlank()) {
        return null;
      }
      if (cell.error()) {
        fault(
            header,
            cell.text(),
            "The cell holds Excel's error " + cell.text() + ": type the value itself");
        return null;
      }
      return cell.text();
    }

    /** The stripped text, at most {@code max} characters; blank is a fault. */
    String required(String column, int max) {
      String text = optional(column, max);
      if (text == null && has(column) && !errorAt(column)) {
        fault(column, null, "The cell is empty: " + column + " is required in every row");
      }
      return text;
    }

    /** The stripped text, at most {@code max} characters, or null when blank. */
    String optional(String column, int max) {
      String text = raw(column);
      return text == null ? null : fitted(column, text.strip(), max);
    }

    String fitted(String column, String text, int max) {
      if (text.length() > max) {
        fault(
            column,
            text,
            "The value has "
                + text.length()
                + " characters, more than the "
                + max
                + " allowed: shorten it");
      }
      return text;
    }

    void fault(String column, String value, String reason) {
      faults++;
      problem(number, column, value, reason);
    }

    /** The 0-based columns of the row's non-blank cells. */
    List<Integer> columns() {
      return new ArrayList<>(cells.keySet());
    }

    private boolean errorAt(String column) {
      SheetCells.Cell cell = cells.get(columnOf.get(key(column)));
      return cell != null && cell.error();
    }
  }
}
