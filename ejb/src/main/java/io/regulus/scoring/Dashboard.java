package io.regulus.scoring;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tenant's dashboard shows: the overall score with your points and the provider's apart, the
 * breakdowns by category, assessment, group and regulation, the key improvement actions by impact,
 * and the solutions with outstanding actions.
 */
public record Dashboard(
    Score overall,
    Score yours,
    Score provider,
    List<Entry> byCategory,
    List<AssessmentEntry> byAssessment,
    List<Entry> byGroup,
    List<Entry> byRegulation,
    List<KeyAction> keyActions,
    List<SolutionEntry> solutions) {

  /** A breakdown line. */
  public record Entry(String name, Score score) {}

  /** An assessment's line. */
  public record AssessmentEntry(
      long id,
      String name,
      String group,
      String regulation,
      Score score,
      AssessmentStatus status,
      double progress) {}

  /** An open action instance and what completing it would add to the overall score. */
  public record KeyAction(
      Long instanceId,
      String key,
      String title,
      String group,
      ActionType type,
      String category,
      String solution,
      int points,
      double openPoints,
      double gain,
      double scoreAfter) {}

  /** A solution (product or setting) with the actions still open on it. */
  public record SolutionEntry(String solution, int outstandingActions, double outstandingPoints) {}

  public static Dashboard of(TenantScoring scoring, int keyActions) {
    TenantScores scores = scoring.scores();
    List<AssessmentEntry> assessments =
        scores.assessments().values().stream()
            .map(
                a ->
                    new AssessmentEntry(
                        Long.parseLong(a.id()),
                        a.name(),
                        a.group(),
                        a.regulation(),
                        a.score(),
                        a.status(),
                        a.progress()))
            .sorted(
                Comparator.comparing(AssessmentEntry::group).thenComparing(AssessmentEntry::name))
            .toList();
    Map<String, Integer> openCount = new LinkedHashMap<>();
    Map<String, Double> openPoints = new LinkedHashMap<>();
    scores.units().stream()
        .filter(unit -> unit.open() > 0 && unit.action().solution() != null)
        .sorted(Comparator.comparing(unit -> unit.action().solution()))
        .forEach(
            unit -> {
              openCount.merge(unit.action().solution(), 1, Integer::sum);
              openPoints.merge(unit.action().solution(), unit.open(), Double::sum);
            });
    List<SolutionEntry> solutions =
        openCount.keySet().stream()
            .map(
                solution ->
                    new SolutionEntry(solution, openCount.get(solution), openPoints.get(solution)))
            .sorted(
                Comparator.comparingDouble(SolutionEntry::outstandingPoints)
                    .reversed()
                    .thenComparing(SolutionEntry::solution))
            .toList();
    List<KeyAction> key =
        scores.whatIf().stream()
            .limit(keyActions)
            .map(impact -> keyAction(scoring, impact))
            .toList();
    return new Dashboard(
        scores.tenant(),
        scores.filtered(unit -> unit.action().managedBy() == ManagedBy.CUSTOMER),
        scores.provider(),
        entries(scores.by(unit -> unit.action().category())),
        assessments,
        entries(scores.byEach(ScoredUnit::groups)),
        entries(scores.byEach(ScoredUnit::regulations)),
        key,
        solutions);
  }

  /** An open unit as a key action: what completing it would add. */
  public static KeyAction keyAction(TenantScoring scoring, TenantScores.Impact impact) {
    ScoredUnit unit = impact.unit();
    ScoredAction action = unit.action();
    return new KeyAction(
        scoring.instanceId(unit),
        action.key(),
        scoring.title(unit),
        unit.group(),
        action.type(),
        action.category(),
        action.solution(),
        action.points(),
        impact.points(),
        impact.gain(),
        impact.scoreAfter());
  }

  private static List<Entry> entries(Map<String, Score> scores) {
    return scores.entrySet().stream()
        .map(entry -> new Entry(entry.getKey(), entry.getValue()))
        .toList();
  }
}
