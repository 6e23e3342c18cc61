package io.regulus.api.score;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.ManagedBy;
import io.regulus.scoring.ScoreService;
import io.regulus.scoring.ScoredUnit;
import io.regulus.scoring.TenantScoring;
import io.regulus.scoring.TestStatus;
import java.util.List;
import java.util.Set;

/**
 * A (filtered) score and why: the action instances behind it, whose achieved and possible points
 * sum to it.
 */
public record ExplanationView(ScoreView score, List<Unit> actions) {

  /** One counted action instance and what it contributes. */
  public record Unit(
      Long actionId,
      String key,
      String title,
      String group,
      ActionType type,
      ManagedBy managedBy,
      String category,
      String solution,
      int points,
      ImplementationStatus implementationStatus,
      TestStatus testStatus,
      double achieved,
      double possible,
      Set<String> regulations,
      Set<String> groups) {}

  public static ExplanationView of(ScoreService.Explained explained) {
    TenantScoring scoring = explained.scoring();
    return new ExplanationView(
        ScoreView.of(explained.score()),
        explained.units().stream().map(unit -> unit(scoring, unit)).toList());
  }

  private static Unit unit(TenantScoring scoring, ScoredUnit unit) {
    return new Unit(
        scoring.instanceId(unit),
        unit.action().key(),
        scoring.title(unit),
        unit.group(),
        unit.action().type(),
        unit.action().managedBy(),
        unit.action().category(),
        unit.action().solution(),
        unit.action().points(),
        unit.state().implementation(),
        unit.state().test(),
        unit.achieved(),
        unit.possible(),
        new java.util.TreeSet<>(unit.regulations()),
        new java.util.TreeSet<>(unit.groups()));
  }
}
