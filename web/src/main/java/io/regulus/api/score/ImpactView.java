package io.regulus.api.score;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.Dashboard;

/**
 * An open action instance and what completing it would do: {@code openPoints} it would add, the
 * overall score after ({@code percentAfter}) and the gain in percentage points.
 */
public record ImpactView(
    Long actionId,
    String key,
    String title,
    String group,
    ActionType type,
    String category,
    String solution,
    int points,
    double openPoints,
    double percentAfter,
    double gain) {

  public static ImpactView of(Dashboard.KeyAction action) {
    return new ImpactView(
        action.instanceId(),
        action.key(),
        action.title(),
        action.group(),
        action.type(),
        action.category(),
        action.solution(),
        action.points(),
        ScoreView.round(action.openPoints(), 100),
        ScoreView.round(100 * action.scoreAfter(), 100),
        ScoreView.round(100 * action.gain(), 100));
  }
}
