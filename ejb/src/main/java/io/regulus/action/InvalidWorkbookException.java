package io.regulus.action;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.spreadsheet.CellError;
import java.util.List;

/** A bulk-update workbook with faults: nothing was applied; every faulty cell is listed. */
public class InvalidWorkbookException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final transient List<CellError> cells;

  public InvalidWorkbookException(List<CellError> cells) {
    super(
        ProblemKind.RULE_VIOLATED,
        "The workbook has "
            + cells.size()
            + " fault"
            + (cells.size() == 1 ? "" : "s")
            + "; nothing was changed. Each is listed in 'cells' (sheet, row, column, value, reason): correct them and"
            + " upload the workbook again.");
    this.cells = List.copyOf(cells);
  }

  public List<CellError> cells() {
    return cells;
  }
}
