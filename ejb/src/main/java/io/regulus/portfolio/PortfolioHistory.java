package io.regulus.portfolio;

import io.regulus.history.RecordedStanding;
import io.regulus.scoring.Score;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A firm's portfolio by its clients' snapshots over a range of days: each client the caller reaches
 * with its recorded standing, and the firm's figures of each day some client was recorded.
 */
public record PortfolioHistory(
    FirmSlug firm, LocalDate from, LocalDate to, List<Client> clients, List<Day> days) {

  public PortfolioHistory {
    clients = List.copyOf(clients);
    days = List.copyOf(days);
  }

  /** One client tenant and where its snapshots say it stood. */
  public record Client(TenantSlug slug, String name, RecordedStanding standing) {}

  /**
   * The firm on one day, over the clients recorded that day: how many, the mean of their
   * percentages, their points together (the score weighted by each client's possible points) and
   * their overdue actions together.
   */
  public record Day(
      LocalDate day, int clients, double meanPercent, Score total, int overdueActions) {}

  /** The days of the range on which at least one of the clients was recorded, the oldest first. */
  public static List<Day> days(List<Client> clients) {
    Map<LocalDate, List<RecordedStanding.DayScore>> byDay = new TreeMap<>();
    for (Client client : clients) {
      for (RecordedStanding.DayScore day : client.standing().days()) {
        byDay.computeIfAbsent(day.day(), key -> new ArrayList<>()).add(day);
      }
    }
    List<Day> days = new ArrayList<>();
    byDay.forEach(
        (day, scores) -> {
          Score total = Score.ZERO;
          double percents = 0;
          int overdue = 0;
          for (RecordedStanding.DayScore score : scores) {
            total = total.plus(score.score());
            percents += 100 * score.score().ratio();
            overdue += score.overdueActions();
          }
          days.add(new Day(day, scores.size(), percents / scores.size(), total, overdue));
        });
    return days;
  }
}
