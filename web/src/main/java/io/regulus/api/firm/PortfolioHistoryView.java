package io.regulus.api.firm;

import io.regulus.api.score.ScoreView;
import io.regulus.history.RecordedStanding;
import io.regulus.portfolio.PortfolioHistory;
import java.time.LocalDate;
import java.util.List;

/**
 * A firm's portfolio by its clients' snapshots over a range of days: each client with its latest
 * recorded score and overdue actions, its 7- and 30-day change, its biggest category gaps and its
 * recorded days; and the firm's figures per day. A client without a snapshot has no day, score or
 * overdue count, and its changes say why.
 */
public record PortfolioHistoryView(
    String firm, LocalDate from, LocalDate to, List<Client> clients, List<Day> days) {

  /**
   * One client: {@code day} is its latest recorded day on or before {@code to} (null when there is
   * none), {@code score} and {@code overdueActions} that day's.
   */
  public record Client(
      String slug,
      String name,
      LocalDate day,
      ScoreView score,
      Integer overdueActions,
      Change change7,
      Change change30,
      List<Gap> biggestGaps,
      List<Point> trend) {}

  /**
   * A change in percentage points since the snapshot on or before {@code reference}, recorded on
   * {@code since} with {@code percentThen}; {@code points} null with a {@code reason} when there is
   * no such snapshot.
   */
  public record Change(
      Double points, LocalDate reference, LocalDate since, Double percentThen, String reason) {}

  /** A category with open points on the latest day, the most open first. */
  public record Gap(String category, double openPoints, ScoreView score) {}

  /** A recorded day of the client's score. */
  public record Point(LocalDate day, ScoreView score, int overdueActions) {}

  /**
   * The firm on a day, over the clients recorded that day: their number, the mean of their
   * percentages, their points together and their overdue actions together.
   */
  public record Day(
      LocalDate day, int clients, double meanPercent, ScoreView total, int overdueActions) {}

  public static PortfolioHistoryView of(PortfolioHistory history) {
    return new PortfolioHistoryView(
        history.firm().value(),
        history.from(),
        history.to(),
        history.clients().stream().map(PortfolioHistoryView::client).toList(),
        history.days().stream()
            .map(
                day ->
                    new Day(
                        day.day(),
                        day.clients(),
                        Math.round(day.meanPercent() * 10) / 10.0,
                        ScoreView.of(day.total()),
                        day.overdueActions()))
            .toList());
  }

  private static Client client(PortfolioHistory.Client client) {
    RecordedStanding standing = client.standing();
    ScoreView now = standing.latest().map(day -> ScoreView.of(day.score())).orElse(null);
    return new Client(
        client.slug().value(),
        client.name(),
        standing.latest().map(RecordedStanding.DayScore::day).orElse(null),
        now,
        standing.latest().map(RecordedStanding.DayScore::overdueActions).orElse(null),
        change(now, standing.week()),
        change(now, standing.month()),
        standing.biggestGaps().stream()
            .map(gap -> new Gap(gap.category(), round(gap.openPoints()), ScoreView.of(gap.score())))
            .toList(),
        standing.days().stream()
            .map(day -> new Point(day.day(), ScoreView.of(day.score()), day.overdueActions()))
            .toList());
  }

  /** The change as the figures shown: the difference of the two rounded percentages. */
  private static Change change(ScoreView now, RecordedStanding.Change change) {
    if (!change.known()) {
      return new Change(null, change.reference(), null, null, change.reason());
    }
    double then = ScoreView.of(change.then()).percent();
    return new Change(
        Math.round((now.percent() - then) * 10) / 10.0,
        change.reference(),
        change.since(),
        then,
        null);
  }

  private static double round(double points) {
    return Math.round(points * 100) / 100.0;
  }
}
