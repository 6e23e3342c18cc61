package io.regulus.action;

import io.regulus.scoring.Score;
import io.regulus.spreadsheet.CellError;
import java.util.List;

/**
 * What a bulk-update workbook does (preview) or did (apply): how many rows it had, how many actions
 * it changes and which, its faults, and the tenant score before and after.
 */
public record BulkOutcome(
    int rows,
    int changed,
    List<Long> changedActions,
    List<CellError> errors,
    Score scoreBefore,
    Score scoreAfter,
    boolean applied) {

  public BulkOutcome {
    changedActions = List.copyOf(changedActions);
    errors = List.copyOf(errors);
  }
}
