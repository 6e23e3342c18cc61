package io.regulus.api.history;

import io.regulus.api.score.ScoreView;
import io.regulus.history.ScoreTrend;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A tenant's recorded scores over a range of days, the oldest first: per day the tenant's score,
 * the provider's points, the lines per assessment, group, category and regulation, and the counts
 * of action instances by implementation status, by test status, and overdue.
 */
public record ScoreTrendView(LocalDate from, LocalDate to, List<Day> days) {

  /** One day's snapshot. */
  public record Day(
      LocalDate day,
      ScoreView overall,
      ScoreView providerPoints,
      List<Line> byAssessment,
      List<Line> byGroup,
      List<Line> byCategory,
      List<Line> byRegulation,
      Map<String, Integer> actionsByImplementation,
      Map<String, Integer> actionsByTest,
      int overdueActions) {}

  /** A line: its key (an assessment's id, else its name), its name, its score. */
  public record Line(String key, String name, ScoreView score) {}

  public static ScoreTrendView of(ScoreTrend trend) {
    return new ScoreTrendView(
        trend.from(),
        trend.to(),
        trend.days().stream()
            .map(
                day ->
                    new Day(
                        day.day(),
                        ScoreView.of(day.tenant()),
                        ScoreView.of(day.provider()),
                        lines(day.assessments()),
                        lines(day.groups()),
                        lines(day.categories()),
                        lines(day.regulations()),
                        day.byImplementation(),
                        day.byTest(),
                        day.overdue()))
            .toList());
  }

  private static List<Line> lines(List<ScoreTrend.Line> lines) {
    return lines.stream()
        .map(line -> new Line(line.key(), line.name(), ScoreView.of(line.score())))
        .toList();
  }
}
