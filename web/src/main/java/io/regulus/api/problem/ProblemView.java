package io.regulus.api.problem;

import io.regulus.spreadsheet.CellError;
import java.util.List;

/**
 * An RFC 9457 problem. {@code errors} lists each invalid field with its rule, when the input was at
 * fault.
 *
 * @param instance an id of this occurrence ({@code urn:uuid:...}), logged with server errors
 * @param current the resource's current state, when a write was refused because it was stale (412)
 * @param cells each faulty cell of an uploaded workbook (sheet, row, column, value, reason)
 */
public record ProblemView(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    Object current,
    List<CellError> cells) {

  /** One input field at fault, and the rule it broke. */
  public record FieldError(String field, String message) {}
}
