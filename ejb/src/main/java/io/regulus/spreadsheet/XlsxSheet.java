package io.regulus.spreadsheet;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One sheet of an {@link XlsxBook}, written row by row: only the last {@value XlsxBook#WINDOW} rows
 * stay in memory, older ones go to a compressed temporary file until the book is written, so an
 * export of any length costs the same memory. The action workbook, the table exports and the
 * template workbook write through it, so dates, numbers, widths and risky text look the same in
 * all: a bold frozen header, dates as yyyy-mm-dd, instants as UTC date-times, read-only columns
 * grey. Text is always a string cell, never a formula; text that starts like one is also
 * quote-prefixed, as Excel does for a typed {@code '=...}, so that editing the cell keeps it text.
 */
public final class XlsxSheet {

  /** Excel's limit for one cell; longer text is cut, ending in an ellipsis. */
  static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

  private static final int MAX_WIDTH = 60;

  /** What a cell holds, which picks its number format. */
  public enum Kind {
    TEXT("@"),
    WHOLE("0"),
    DECIMAL("General"),
    DATE("yyyy-mm-dd"),
    TIMESTAMP("yyyy-mm-dd hh:mm:ss");

    private final String format;

    Kind(String format) {
      this.format = format;
    }

    /**
     * The kind the value's own type calls for: a whole number, a decimal, a date, an instant, text.
     */
    public static Kind of(Object value) {
      if (value instanceof Long
          || value instanceof Integer
          || value instanceof Short
          || value instanceof Byte
          || value instanceof BigInteger) {
        return WHOLE;
      }
      if (value instanceof Number) {
        return DECIMAL;
      }
      if (value instanceof LocalDate) {
        return DATE;
      }
      return value instanceof Instant ? TIMESTAMP : TEXT;
    }
  }

  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private final Map<String, CellStyle> styles;
  private final Map<Integer, Integer> widths = new HashMap<>();
  private Row row;
  private int rows;

  /** Made by {@link XlsxBook#sheet}; the styles are the book's, shared by its sheets. */
  XlsxSheet(SXSSFWorkbook workbook, Map<String, CellStyle> styles, String name) {
    this.workbook = workbook;
    this.styles = styles;
    this.sheet = workbook.createSheet(name);
  }

  /**
   * The header row, frozen and filterable; {@code readOnly} columns get a grey header. It is the
   * first row, or the one after the {@link #caption} lines.
   */
  public void header(List<String> names, IntPredicate readOnly) {
    Font bold = workbook.createFont();
    bold.setBold(true);
    startRow();
    for (int column = 0; column < names.size(); column++) {
      CellStyle style = workbook.createCellStyle();
      style.setFont(bold);
      style.setBorderBottom(BorderStyle.THIN);
      grey(style, readOnly.test(column));
      Cell cell = row.createCell(column);
      cell.setCellStyle(style);
      cell.setCellValue(names.get(column));
      widen(column, names.get(column).length());
    }
    sheet.createFreezePane(0, rows);
    sheet.setAutoFilter(new CellRangeAddress(rows - 1, rows - 1, 0, names.size() - 1));
  }

  /**
   * A line above the header, such as the date a report's figures are from: a bold label and its
   * value. The header, written after, is still the frozen and filterable row.
   */
  public void caption(String label, Object value) {
    Font bold = workbook.createFont();
    bold.setBold(true);
    CellStyle style = workbook.createCellStyle();
    style.setFont(bold);
    startRow();
    Cell cell = row.createCell(0);
    cell.setCellStyle(style);
    cell.setCellValue(label);
    put(1, value, Kind.of(value), false);
  }

  public void startRow() {
    row = sheet.createRow(rows++);
  }

  /**
   * One cell of the current row. A null value leaves the cell blank but formatted, so a date typed
   * into it later shows as a date.
   *
   * @param value a String, Number, LocalDate, Instant (written in UTC), Boolean, enum (by its
   *     label), or null
   */
  public void put(int column, Object value, Kind kind, boolean readOnly) {
    Object shown = value instanceof Enum<?> constant ? EnumLabels.label(constant) : value;
    boolean quoted = shown instanceof String text && FormulaGuard.risky(text);
    Cell cell = row.createCell(column);
    cell.setCellStyle(style(kind, readOnly, quoted));
    if (shown == null) {
      return;
    }
    if (shown instanceof String text) {
      String fitted = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "\u2026" : text;
      cell.setCellValue(fitted);
      widen(column, fitted.lines().mapToInt(String::length).max().orElse(0));
    } else if (shown instanceof Number number) {
      cell.setCellValue(number.doubleValue());
      widen(column, number.toString().length());
    } else if (shown instanceof LocalDate date) {
      cell.setCellValue(date);
      widen(column, 10);
    } else if (shown instanceof Instant instant) {
      cell.setCellValue(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
      widen(column, 19);
    } else if (shown instanceof Boolean flag) {
      cell.setCellValue(flag);
      widen(column, 5);
    } else {
      throw new IllegalArgumentException("No spreadsheet cell for a " + shown.getClass().getName());
    }
  }

  /** At least this many characters wide, whatever the content. */
  public void minWidth(int column, int characters) {
    widen(column, characters);
  }

  /**
   * A drop-down of {@code choices} on the column's rows {@code first..last} (0-based); nothing else
   * is accepted.
   */
  public void dropDown(int column, int first, int last, List<String> choices) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    validate(
        helper.createExplicitListConstraint(choices.toArray(String[]::new)),
        column,
        first,
        last,
        "Choose one of: " + String.join(", ", choices));
  }

  /**
   * A number from {@code min} to {@code max} on the column's rows {@code first..last} (0-based).
   */
  public void decimalBetween(int column, int first, int last, String min, String max) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    validate(
        helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, min, max),
        column,
        first,
        last,
        "A number from " + min + " to " + max);
  }

  /** The rows written so far, header included. */
  int rows() {
    return rows;
  }

  /** The rows still in memory: at most {@value XlsxBook#WINDOW}, whatever was written. */
  int rowsInMemory() {
    return rows - 1 - sheet.getLastFlushedRowNum();
  }

  /** Sets the column widths from what was written; the book calls it before writing. */
  void fitWidths() {
    widths.forEach(
        (column, characters) ->
            sheet.setColumnWidth(column, (Math.min(characters, MAX_WIDTH) + 2) * 256));
  }

  private void validate(
      DataValidationConstraint constraint, int column, int first, int last, String rule) {
    DataValidation validation =
        sheet
            .getDataValidationHelper()
            .createValidation(constraint, new CellRangeAddressList(first, last, column, column));
    validation.setShowErrorBox(true);
    validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
    validation.createErrorBox("Not a valid value", rule);
    // Excel hides the in-cell arrow when showDropDown="1"; POI writes showDropDown = !suppress, so
    // "suppress" shows it
    validation.setSuppressDropDownArrow(true);
    sheet.addValidationData(validation);
  }

  private CellStyle style(Kind kind, boolean readOnly, boolean quoted) {
    return styles.computeIfAbsent(
        kind + "/" + readOnly + "/" + quoted,
        key -> {
          CellStyle style = workbook.createCellStyle();
          style.setDataFormat(workbook.createDataFormat().getFormat(kind.format));
          style.setQuotePrefixed(quoted);
          grey(style, readOnly);
          return style;
        });
  }

  private static void grey(CellStyle style, boolean readOnly) {
    style.setLocked(readOnly);
    if (readOnly) {
      style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
  }

  private void widen(int column, int characters) {
    widths.merge(column, characters, Math::max);
  }
}
