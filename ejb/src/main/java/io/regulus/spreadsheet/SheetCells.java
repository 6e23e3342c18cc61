package io.regulus.spreadsheet;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX handler of one worksheet's XML: hands each row's non-blank cells, as stored, to a {@link
 * Rows} listener, one row at a time, so no more than one row is ever held. Unlike POI's
 * XSSFSheetXMLHandler it gives raw values, not values formatted for display: a fraction is never
 * rounded to its format's decimals, and a date cell is a date whatever format the user's Excel gave
 * it. A cell's text is cut after Excel's 32,767 characters (one more is kept, so that any length
 * rule still sees it as too long), which bounds what a hostile cell can cost.
 */
public final class SheetCells extends DefaultHandler {

  /**
   * One stored cell value.
   *
   * @param text the text, the number as stored ("0.25"), TRUE/FALSE, or the error ("#N/A")
   * @param date set for a number with a date format
   * @param error whether the cell holds an Excel error
   */
  public record Cell(String text, LocalDateTime date, boolean error) {

    /** The value as the user sees it, shortened for an error message. */
    public String shown() {
      String shown =
          date == null
              ? text
              : date.toLocalTime().equals(LocalTime.MIDNIGHT)
                  ? date.toLocalDate().toString()
                  : date.toString();
      return shown.length() > 100 ? shown.substring(0, 99) + "\u2026" : shown;
    }
  }

  /** Receives the rows that have at least one non-blank cell, keyed by 0-based column. */
  public interface Rows {
    void row(int rowNumber, SortedMap<Integer, Cell> cells) throws SAXException;
  }

  private static final int MAX_TEXT = XlsxSheet.MAX_TEXT + 1;
  private static final Pattern COLUMN_LETTERS = Pattern.compile("^([A-Za-z]*).*$", Pattern.DOTALL);

  private final SharedStrings strings;
  private final StylesTable styles;
  private final boolean date1904;
  private final Rows rows;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();
  private final StringBuilder text = new StringBuilder();
  private SortedMap<Integer, Cell> cells = new TreeMap<>();
  private int rowNumber;
  private int column;
  private String type;
  private String style;
  private boolean capturing;
  private boolean inline;
  private boolean phonetic;
  private boolean hasValue;

  /**
   * @param strings the shared strings, null when the workbook has none
   * @param styles the styles, null when the workbook has none (then no number is a date)
   * @param date1904 whether dates count from 1904 (old Mac workbooks)
   */
  public SheetCells(SharedStrings strings, StylesTable styles, boolean date1904, Rows rows) {
    this.strings = strings;
    this.styles = styles;
    this.date1904 = date1904;
    this.rows = rows;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "row" -> {
        int number = whole(attributes.getValue("r"));
        rowNumber = number > 0 ? number : rowNumber + 1;
        column = -1;
        cells = new TreeMap<>();
      }
      case "c" -> {
        column = columnOf(attributes.getValue("r"));
        type = attributes.getValue("t");
        style = attributes.getValue("s");
        text.setLength(0);
        hasValue = false;
      }
      case "v" -> capturing = true;
      case "is" -> inline = true;
      case "rPh" -> phonetic = true;
      case "t" -> capturing = inline && !phonetic;
      default -> {}
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    switch (localName) {
      case "v", "t" -> {
        hasValue |= capturing;
        capturing = false;
      }
      case "is" -> inline = false;
      case "rPh" -> phonetic = false;
      case "c" -> {
        Cell cell = hasValue ? cell(text.toString()) : null;
        if (cell != null && (cell.date() != null || !cell.text().isBlank())) {
          cells.put(column, cell);
        }
      }
      case "row" -> {
        if (!cells.isEmpty()) {
          rows.row(rowNumber, cells);
        }
      }
      default -> {}
    }
  }

  @Override
  public void characters(char[] chars, int start, int length) {
    if (capturing && text.length() < MAX_TEXT) {
      text.append(chars, start, Math.min(length, MAX_TEXT - text.length()));
    }
  }

  private Cell cell(String raw) {
    if (type == null || type.equals("n")) {
      return number(raw.strip());
    }
    return switch (type) {
      case "s" -> sharedString(whole(raw.strip()));
      case "b" -> new Cell("1".equals(raw.strip()) ? "TRUE" : "FALSE", null, false);
      case "e" -> new Cell(raw, null, true);
      // inline strings, formula results ("str") and ISO dates ("d", read as text)
      default -> new Cell(raw, null, false);
    };
  }

  private Cell number(String raw) {
    if (!isDateStyle()) {
      return new Cell(raw, null, false);
    }
    try {
      double serial = Double.parseDouble(raw);
      if (DateUtil.isValidExcelDate(serial)) {
        return new Cell(raw, DateUtil.getLocalDateTime(serial, date1904), false);
      }
    } catch (NumberFormatException notANumber) {
      // not a date then: the raw text goes to the column's own check
    }
    return new Cell(raw, null, false);
  }

  /** A broken reference into the shared strings reads as Excel's own #REF! error. */
  private Cell sharedString(int index) {
    if (strings == null || index < 0) {
      return new Cell("#REF!", null, true);
    }
    try {
      String value = strings.getItemAt(index).getString();
      return new Cell(
          value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value, null, false);
    } catch (IndexOutOfBoundsException broken) {
      return new Cell("#REF!", null, true);
    }
  }

  private boolean isDateStyle() {
    return dateStyles.computeIfAbsent(
        Math.max(0, whole(style)),
        index -> {
          XSSFCellStyle cellStyle = styles == null ? null : styles.getStyleAt(index);
          return cellStyle != null
              && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
  }

  /**
   * The 0-based column of a reference such as "AB12"; the next column when the reference is missing
   * or broken.
   */
  private int columnOf(String reference) {
    String letters = reference == null ? "" : COLUMN_LETTERS.matcher(reference).replaceFirst("$1");
    return letters.isEmpty() || letters.length() > 3
        ? column + 1
        : CellReference.convertColStringToIndex(letters);
  }

  /** A whole number attribute; -1 when missing or broken. */
  private static int whole(String number) {
    try {
      return number == null ? -1 : Integer.parseInt(number);
    } catch (NumberFormatException broken) {
      return -1;
    }
  }
}
