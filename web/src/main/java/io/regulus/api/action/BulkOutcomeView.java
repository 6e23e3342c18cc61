package io.regulus.api.action;

import io.regulus.action.BulkChange;
import io.regulus.action.BulkOutcome;
import io.regulus.api.score.ScoreView;
import io.regulus.spreadsheet.CellError;
import java.util.List;

/**
 * What a bulk-update workbook changes (preview) or changed (applied): rows read, actions changed
 * (their ids), row by row what changes (each field before and after), every faulty cell, and the
 * tenant score before and after.
 */
public record BulkOutcomeView(
    int rows,
    int changed,
    List<Long> changedActions,
    List<BulkChange> changes,
    List<CellError> errors,
    ScoreView scoreBefore,
    ScoreView scoreAfter,
    boolean applied) {

  public static BulkOutcomeView of(BulkOutcome outcome) {
    return new BulkOutcomeView(
        outcome.rows(),
        outcome.changed(),
        outcome.changedActions(),
        outcome.changes(),
        outcome.errors(),
        ScoreView.of(outcome.scoreBefore()),
        ScoreView.of(outcome.scoreAfter()),
        outcome.applied());
  }
}
