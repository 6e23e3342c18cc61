package io.regulus.api.score;

import io.regulus.scoring.AssessmentStatus;
import io.regulus.scoring.Dashboard;
import java.util.List;

/**
 * The tenant's dashboard: the overall score with your points and the provider's apart, breakdowns
 * by category, assessment, group and regulation, the key improvement actions by impact, and the
 * solutions with open actions.
 */
public record DashboardView(
    ScoreView overall,
    ScoreView yourPoints,
    ScoreView providerPoints,
    List<Line> byCategory,
    List<AssessmentLine> byAssessment,
    List<Line> byGroup,
    List<Line> byRegulation,
    List<ImpactView> keyActions,
    List<SolutionLine> solutions) {

  /** A breakdown line. */
  public record Line(String name, ScoreView score) {}

  /** An assessment's line. */
  public record AssessmentLine(
      long id,
      String name,
      String group,
      String regulation,
      ScoreView score,
      AssessmentStatus status,
      double progress) {}

  /** A solution with the number of actions still open on it and their points. */
  public record SolutionLine(String solution, int outstandingActions, double outstandingPoints) {}

  public static DashboardView of(Dashboard dashboard) {
    return new DashboardView(
        ScoreView.of(dashboard.overall()),
        ScoreView.of(dashboard.yours()),
        ScoreView.of(dashboard.provider()),
        lines(dashboard.byCategory()),
        dashboard.byAssessment().stream()
            .map(
                a ->
                    new AssessmentLine(
                        a.id(),
                        a.name(),
                        a.group(),
                        a.regulation(),
                        ScoreView.of(a.score()),
                        a.status(),
                        a.progress()))
            .toList(),
        lines(dashboard.byGroup()),
        lines(dashboard.byRegulation()),
        dashboard.keyActions().stream().map(ImpactView::of).toList(),
        dashboard.solutions().stream()
            .map(
                s ->
                    new SolutionLine(
                        s.solution(),
                        s.outstandingActions(),
                        ScoreView.round(s.outstandingPoints(), 100)))
            .toList());
  }

  private static List<Line> lines(List<Dashboard.Entry> entries) {
    return entries.stream()
        .map(entry -> new Line(entry.name(), ScoreView.of(entry.score())))
        .toList();
  }
}
