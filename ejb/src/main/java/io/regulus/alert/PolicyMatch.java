package io.regulus.alert;

import java.util.List;
import java.util.Optional;

/**
 * Which policies an event raises, as pure functions: a change of one field of one action instance,
 * and a score's move from one day to the next. A disabled policy raises nothing; a policy raises
 * only inside its scope.
 */
public final class PolicyMatch {

  /** Scores are sums of fractions: a move equal to the threshold raises, rounding aside. */
  private static final double EPSILON = 1e-9;

  private PolicyMatch() {}

  /** What the matching needs of a changed instance. */
  public record Changed(
      long instanceId, String category, List<Long> assessments, String field, String newValue) {}

  /**
   * The enabled policies of the change's kind whose scope covers the instance and, for a status
   * change naming statuses, whose statuses hold the new value.
   */
  public static List<AlertPolicy> raisedBy(List<AlertPolicy> policies, Changed change) {
    return policies.stream()
        .filter(AlertPolicy::enabled)
        .filter(p -> p.kind().follows(change.field()))
        .filter(p -> p.scope().covers(change.instanceId(), change.category(), change.assessments()))
        .filter(p -> p.toValues().isEmpty() || p.toValues().contains(change.newValue()))
        .toList();
  }

  /** A score line: achieved of possible points. */
  public record ScoreLine(double achieved, double possible) {

    /** The score in percent of its possible points (0 when nothing is possible). */
    public double percent() {
      return possible == 0 ? 0 : achieved * 100 / possible;
    }
  }

  /**
   * The move of a score-change policy's line from {@code before} to {@code now}, in the policy's
   * unit (negative for a drop), when it is at least the threshold in the policy's direction; empty
   * otherwise, and for a disabled policy.
   */
  public static Optional<Double> scoreMove(AlertPolicy policy, ScoreLine before, ScoreLine now) {
    if (!policy.enabled() || policy.kind() != AlertKind.SCORE_CHANGE) {
      return Optional.empty();
    }
    double move =
        policy.unit() == ThresholdUnit.PERCENT
            ? now.percent() - before.percent()
            : now.achieved() - before.achieved();
    double threshold = policy.threshold().doubleValue();
    boolean raises =
        switch (policy.direction()) {
          case DROP -> -move >= threshold - EPSILON;
          case RISE -> move >= threshold - EPSILON;
          case EITHER -> Math.abs(move) >= threshold - EPSILON;
        };
    return raises ? Optional.of(move) : Optional.empty();
  }
}
