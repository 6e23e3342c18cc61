package io.regulus.history;

import io.regulus.scoring.Score;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A tenant's snapshots over a range of days, the oldest first; days without one are left out. */
public record ScoreTrend(LocalDate from, LocalDate to, List<Day> days) {

  public ScoreTrend {
    days = List.copyOf(days);
  }

  /**
   * One day's snapshot: the tenant's score, the provider's points, each breakdown line, and the
   * counts of action instances by implementation status, by test status, and overdue.
   */
  public record Day(
      LocalDate day,
      Score tenant,
      Score provider,
      List<Line> assessments,
      List<Line> groups,
      List<Line> categories,
      List<Line> regulations,
      Map<String, Integer> byImplementation,
      Map<String, Integer> byTest,
      int overdue) {

    public Day {
      assessments = List.copyOf(assessments);
      groups = List.copyOf(groups);
      categories = List.copyOf(categories);
      regulations = List.copyOf(regulations);
      byImplementation = Map.copyOf(byImplementation);
      byTest = Map.copyOf(byTest);
    }
  }

  /** A breakdown line: its key (an assessment's id, else the name), its name, its score. */
  public record Line(String key, String name, Score score) {}
}
