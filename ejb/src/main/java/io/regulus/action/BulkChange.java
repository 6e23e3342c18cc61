package io.regulus.action;

import java.util.List;

/**
 * What one row of a bulk-update workbook changes: the row, its action, and each field it changes
 * with the value before and after, as the workbook shows them (column headers, enum labels; an
 * empty text for none).
 */
public record BulkChange(int row, long actionId, String key, String title, List<Field> fields) {

  /** One changed cell: its column and the value before and after. */
  public record Field(String column, String before, String after) {}

  public BulkChange {
    fields = List.copyOf(fields);
  }
}
