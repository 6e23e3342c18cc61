package io.regulus.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A tenant's scores: the overall score over its counted units (rule 5), the provider points apart,
 * every assessment's score and status (by assessment id); and, from the same units, any filtered
 * score, the explanation and the what-if.
 */
public record TenantScores(List<ScoredUnit> units, Map<String, AssessmentScore> assessments) {

  public TenantScores {
    units = List.copyOf(units);
    assessments = Map.copyOf(assessments);
  }

  /** The overall score, provider-managed points included (they count as achieved). */
  public Score tenant() {
    return filtered(unit -> true);
  }

  /** The provider-managed points alone. */
  public Score provider() {
    return filtered(unit -> unit.action().managedBy() == ManagedBy.PROVIDER);
  }

  /**
   * The score over the units a filter keeps (rule 6): regulation, category, solution, type, group,
   * ...
   */
  public Score filtered(Predicate<ScoredUnit> filter) {
    return units.stream()
        .filter(filter)
        .map(unit -> new Score(unit.achieved(), unit.possible()))
        .reduce(Score.ZERO, Score::plus);
  }

  /**
   * The score per value of an attribute (category, solution, ...), over the units that have one.
   */
  public Map<String, Score> by(Function<ScoredUnit, String> attribute) {
    Map<String, Score> scores = new TreeMap<>();
    for (ScoredUnit unit : units) {
      String value = attribute.apply(unit);
      if (value != null) {
        scores.merge(value, new Score(unit.achieved(), unit.possible()), Score::plus);
      }
    }
    return scores;
  }

  /**
   * The score per value of an attribute a unit can have several of (regulation, group): a unit
   * counts under each of its values, so the lines may sum to more than the tenant's score.
   */
  public Map<String, Score> byEach(Function<ScoredUnit, java.util.Set<String>> attribute) {
    Map<String, Score> scores = new TreeMap<>();
    for (ScoredUnit unit : units) {
      for (String value : attribute.apply(unit)) {
        scores.merge(value, new Score(unit.achieved(), unit.possible()), Score::plus);
      }
    }
    return scores;
  }

  /**
   * The units behind a filtered score, the biggest contributions first: they sum to that score
   * (rule 7).
   */
  public List<ScoredUnit> explain(Predicate<ScoredUnit> filter) {
    return units.stream()
        .filter(filter)
        .sorted(
            Comparator.comparingDouble(ScoredUnit::possible)
                .reversed()
                .thenComparing(unit -> unit.action().key())
                .thenComparing(unit -> unit.group() == null ? "" : unit.group()))
        .toList();
  }

  /** What completing one open unit would do to the overall score. */
  public record Impact(ScoredUnit unit, double points, double scoreAfter, double gain) {}

  /**
   * Every open unit's impact on the overall score, the biggest first (the key improvement actions).
   */
  public List<Impact> whatIf() {
    Score now = tenant();
    return units.stream()
        .filter(unit -> unit.open() > 0)
        .map(
            unit -> {
              double after = (now.achieved() + unit.open()) / now.possible();
              return new Impact(unit, unit.open(), after, after - now.ratio());
            })
        .sorted(
            Comparator.comparingDouble(Impact::gain)
                .reversed()
                .thenComparing(impact -> impact.unit().action().key()))
        .toList();
  }
}
