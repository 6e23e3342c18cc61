package io.regulus.action;

import io.regulus.scoring.Score;
import io.regulus.spreadsheet.CellError;
import java.util.List;

/**
 * What a bulk-update workbook does (preview) or did (apply): how many rows it had, how many actions
 * it changes and which, row by row what changes, its faults, and the tenant score before and after.
 */
public record BulkOutcome(
    int rows,
    int changed,
    List<Long> changedActions,
    List<BulkChange> changes,
    List<CellError> errors,
    Score scoreBefore,
    Score scoreAfter,
    boolean applied) {

  public BulkOutcome {
    changedActions = List.copyOf(changedActions);
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
  }
}
