package io.regulus.spreadsheet;

/**
 * One fault of an uploaded workbook, placed as its user sees it.
 *
 * @param sheet the sheet's name; null when the file as a whole is at fault (not a workbook, too
 *     large)
 * @param row the 1-based Excel row number; 0 when the fault is not of one row (no such sheet, a
 *     broken file)
 * @param column the column's header name (or its letter, right of the table); null when not of one
 *     cell
 * @param value what the cell holds, shortened to 100 characters; null when not of one cell
 * @param reason what is wrong and what would be right
 */
public record CellError(String sheet, int row, String column, String value, String reason) {

  public static CellError ofFile(String reason) {
    return new CellError(null, 0, null, null, reason);
  }
}
