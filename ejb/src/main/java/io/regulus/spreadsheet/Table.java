package io.regulus.spreadsheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A table to export, such as an action's history or the activity feed: header names and rows of
 * plain values (String, Number, LocalDate, Instant, Boolean, an enum, or null for nothing), written
 * as CSV or as an XLSX sheet. The rows are gone through once, in order, when written, so they may
 * come straight from a database cursor.
 *
 * <p>CSV is RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a comma, a
 * quote, CR or LF, and its quotes doubled. It is UTF-8 with a byte order mark, because Excel, the
 * program most people open a CSV with, reads a CSV without one in the machine's ANSI code page and
 * garbles every name beyond ASCII (é, ß, Ł, 日本); with the mark it reads UTF-8, and LibreOffice,
 * Google Sheets and CSV libraries (Python's utf-8-sig, Commons CSV) skip it. Values: dates as
 * 2026-03-31, instants as ISO-8601 UTC (2026-03-31T09:15:00Z), numbers plainly, enums by label.
 *
 * <p>In XLSX, dates are date cells, instants UTC date-time cells (Excel has no time zone: name the
 * column accordingly), numbers numeric cells; text is always a string cell, never a formula, cut at
 * Excel's 32,767 characters.
 *
 * <p>Formula injection: a text value starting with = + - @, a tab, CR or LF (or a full-width = +
 * - @) would run as a formula when the CSV is opened, so it is written with a leading single quote,
 * which spreadsheets show as text; a program reading the CSV sees the quote. In XLSX the string
 * cell is enough, and it is also marked quote-prefixed so that editing it in Excel keeps it text.
 */
public final class Table {

  private final List<String> headers;
  private final Iterable<? extends List<?>> rows;

  /** Each row holds exactly one value per header. */
  public Table(List<String> headers, Iterable<? extends List<?>> rows) {
    this.headers = List.copyOf(headers);
    this.rows = rows;
  }

  /** Writes the CSV; the stream is flushed and left open. */
  public void writeCsv(OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writer.write('\uFEFF');
    line(writer, headers);
    int number = 0;
    for (List<?> row : rows) {
      line(writer, checked(row, ++number));
    }
    writer.flush();
  }

  /**
   * Writes a one-sheet workbook (streaming, whatever the number of rows); the stream is left open.
   */
  public void writeXlsx(String sheetName, OutputStream out) throws IOException {
    try (XlsxBook book = new XlsxBook()) {
      XlsxSheet sheet = book.sheet(sheetName);
      sheet.header(headers, column -> false);
      int number = 0;
      for (List<?> row : rows) {
        checked(row, ++number);
        sheet.startRow();
        for (int column = 0; column < row.size(); column++) {
          Object value = row.get(column);
          sheet.put(column, value, XlsxSheet.Kind.of(value), false);
        }
      }
      book.write(out);
    }
  }

  private List<?> checked(List<?> row, int number) {
    if (row.size() != headers.size()) {
      throw new IllegalArgumentException(
          "Row " + number + " has " + row.size() + " values for " + headers.size() + " headers");
    }
    return row;
  }

  private static void line(Writer writer, List<?> values) throws IOException {
    for (int column = 0; column < values.size(); column++) {
      if (column > 0) {
        writer.write(',');
      }
      writer.write(field(values.get(column)));
    }
    writer.write("\r\n");
  }

  private static String field(Object value) {
    String text = csvText(value);
    boolean quoted =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\r') >= 0
            || text.indexOf('\n') >= 0;
    return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static String csvText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String text) {
      return FormulaGuard.defused(text);
    }
    if (value instanceof Enum<?> constant) {
      return EnumLabels.label(constant);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number
        || value instanceof LocalDate
        || value instanceof Instant
        || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException("No CSV field for a " + value.getClass().getName());
  }
}
