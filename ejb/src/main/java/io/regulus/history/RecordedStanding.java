package io.regulus.history;

import io.regulus.scoring.Score;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a tenant stood by its snapshots, as a firm's portfolio shows it: its recorded days of a
 * range (score and overdue actions), its latest recorded day on or before the range's end, the
 * change of its score over 7 and 30 days before that day, and the categories with the most open
 * points that day.
 */
public record RecordedStanding(
    List<DayScore> days,
    Optional<DayScore> latest,
    Change week,
    Change month,
    List<Gap> biggestGaps) {

  public RecordedStanding {
    days = List.copyOf(days);
    biggestGaps = List.copyOf(biggestGaps);
  }

  /** One recorded day: the tenant's score and its overdue actions. */
  public record DayScore(LocalDate day, Score score, int overdueActions) {}

  /**
   * The score a change is measured from: the snapshot on or before {@code reference} (a day 7 or 30
   * days before the latest), recorded on {@code since}; when there is none, {@code since} and
   * {@code then} are null and {@code reason} says why.
   */
  public record Change(LocalDate reference, LocalDate since, Score then, String reason) {

    public boolean known() {
      return then != null;
    }
  }

  /** A category of the latest day with its score there: what it still misses is its gap. */
  public record Gap(String category, Score score) {

    public double openPoints() {
      return score.possible() - score.achieved();
    }
  }
}
