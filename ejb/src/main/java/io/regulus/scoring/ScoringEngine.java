package io.regulus.scoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring contract of docs/scoring.md, in one place (numbered as its sections):
 *
 * <ol>
 *   <li>points are the action's own (1..99) or its control classification's;
 *   <li>an instance earns them when implemented (or alternative) and passed; partially tested earns
 *       the passed fraction; anything else earns 0;
 *   <li>out of scope (implementation or test) leaves both achieved and possible;
 *   <li>an assessment's score is over its distinct actions;
 *   <li>the tenant's score counts each provider-managed and each technical action once, and each
 *       customer operational or documentation action once per assessment group;
 *   <li>a filtered score recomputes over the filtered units;
 *   <li>every score is explained by its units;
 *   <li>control and assessment statuses follow their actions' test results.
 * </ol>
 *
 * Provider-managed actions count as achieved whatever their instance says, unless it is out of
 * scope (rule 3 holds for them too).
 */
public final class ScoringEngine {

  private ScoringEngine() {}

  public static TenantScores score(ScoringInput input) {
    Map<ScoringInput.Instance, Set<String>> regulations = new LinkedHashMap<>();
    Map<ScoringInput.Instance, Set<String>> groups = new LinkedHashMap<>();
    Map<String, AssessmentScore> assessments = new LinkedHashMap<>();
    for (ScoringInput.Assessment assessment : input.assessments()) {
      Set<String> keys = new LinkedHashSet<>();
      Map<String, ControlStatus> controls = new LinkedHashMap<>();
      for (ScoringInput.Control control : assessment.controls()) {
        keys.addAll(control.actionKeys());
        controls.put(control.id(), controlStatus(input, assessment, control));
      }
      Score score = Score.ZERO;
      for (String key : keys) {
        ScoredAction action = input.actions().get(key);
        ScoringInput.Instance instance = ScoringInput.Instance.of(action, assessment.group());
        score = score.plus(contribution(action, input.state(instance)));
        regulations
            .computeIfAbsent(instance, i -> new LinkedHashSet<>())
            .add(assessment.regulation());
        groups.computeIfAbsent(instance, i -> new LinkedHashSet<>()).add(assessment.group());
      }
      assessments.put(
          assessment.id(),
          new AssessmentScore(
              assessment.id(),
              assessment.name(),
              assessment.group(),
              assessment.regulation(),
              score,
              assessmentStatus(controls.values()),
              progress(controls.values()),
              controls));
    }
    List<ScoredUnit> units = new ArrayList<>();
    regulations.forEach(
        (instance, regs) -> {
          ScoredAction action = input.actions().get(instance.actionKey());
          ActionState state = input.state(instance);
          Score score = contribution(action, state);
          units.add(
              new ScoredUnit(
                  action,
                  instance.group(),
                  state,
                  score.achieved(),
                  score.possible(),
                  Set.copyOf(regs),
                  Set.copyOf(groups.get(instance))));
        });
    return new TenantScores(units, assessments);
  }

  /**
   * What one instance adds to a score (rules 2 and 3; provider-managed counts as achieved, out of
   * scope counts for nothing, whoever manages the action).
   */
  static Score contribution(ScoredAction action, ActionState state) {
    if (state.outOfScope()) {
      return Score.ZERO;
    }
    if (action.managedBy() == ManagedBy.PROVIDER) {
      return new Score(action.points(), action.points());
    }
    return new Score(action.points() * state.earnedShare(), action.points());
  }

  private enum Result {
    PASSED,
    FAILED,
    OUT_OF_SCOPE,
    UNTESTED,
    IN_PROGRESS
  }

  private static Result result(ScoredAction action, ActionState state) {
    if (state.outOfScope()) {
      return Result.OUT_OF_SCOPE;
    }
    if (action.managedBy() == ManagedBy.PROVIDER) {
      return Result.PASSED;
    }
    if (state.test() == TestStatus.PASSED) {
      return Result.PASSED;
    }
    if (state.test().failed()) {
      return Result.FAILED;
    }
    return state.test().untested() ? Result.UNTESTED : Result.IN_PROGRESS;
  }

  private static ControlStatus controlStatus(
      ScoringInput input, ScoringInput.Assessment assessment, ScoringInput.Control control) {
    Set<Result> results = EnumSet.noneOf(Result.class);
    for (String key : control.actionKeys()) {
      ScoredAction action = input.actions().get(key);
      results.add(
          result(action, input.state(ScoringInput.Instance.of(action, assessment.group()))));
    }
    results.remove(Result.OUT_OF_SCOPE);
    if (results.isEmpty()) {
      return ControlStatus.OUT_OF_SCOPE;
    }
    if (results.contains(Result.FAILED)) {
      return ControlStatus.FAILED;
    }
    if (results.equals(EnumSet.of(Result.PASSED))) {
      return ControlStatus.PASSED;
    }
    if (results.equals(EnumSet.of(Result.UNTESTED))) {
      return ControlStatus.NONE;
    }
    return ControlStatus.IN_PROGRESS;
  }

  private static AssessmentStatus assessmentStatus(java.util.Collection<ControlStatus> controls) {
    Set<ControlStatus> statuses = EnumSet.noneOf(ControlStatus.class);
    statuses.addAll(controls);
    statuses.remove(ControlStatus.OUT_OF_SCOPE);
    if (statuses.isEmpty()) {
      return AssessmentStatus.OUT_OF_SCOPE;
    }
    if (statuses.contains(ControlStatus.FAILED)) {
      return AssessmentStatus.INCOMPLETE;
    }
    if (statuses.equals(EnumSet.of(ControlStatus.PASSED))) {
      return AssessmentStatus.COMPLETE;
    }
    if (statuses.equals(EnumSet.of(ControlStatus.NONE))) {
      return AssessmentStatus.NONE;
    }
    return AssessmentStatus.IN_PROGRESS;
  }

  private static double progress(java.util.Collection<ControlStatus> controls) {
    long inScope = controls.stream().filter(status -> status != ControlStatus.OUT_OF_SCOPE).count();
    long passed = controls.stream().filter(status -> status == ControlStatus.PASSED).count();
    return inScope == 0 ? 0 : Math.round(10_000.0 * passed / inScope) / 10_000.0;
  }
}
