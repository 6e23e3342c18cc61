package io.regulus.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.regulus.history.RecordedStanding;
import io.regulus.scoring.Score;
import io.regulus.tenancy.TenantSlug;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortfolioHistoryTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
  private static final LocalDate TUESDAY = MONDAY.plusDays(1);

  @Test
  void aDayCountsTheClientsRecordedThatDayTheMeanOfTheirPercentagesAndTheirPointsTogether() {
    PortfolioHistory.Client small =
        client("small", day(MONDAY, 1, 2, 3), day(TUESDAY, 2, 2, 1)); // 50%, then 100%
    PortfolioHistory.Client large = client("large", day(TUESDAY, 10, 100, 4)); // 10%

    List<PortfolioHistory.Day> days = PortfolioHistory.days(List.of(small, large));

    assertThat(days).extracting(PortfolioHistory.Day::day).containsExactly(MONDAY, TUESDAY);
    PortfolioHistory.Day monday = days.get(0);
    assertThat(monday.clients()).isEqualTo(1);
    assertThat(monday.meanPercent()).isCloseTo(50, within(1e-9));
    assertThat(monday.overdueActions()).isEqualTo(3);
    PortfolioHistory.Day tuesday = days.get(1);
    assertThat(tuesday.clients()).isEqualTo(2);
    // the mean weighs each client alike; the total weighs them by their possible points
    assertThat(tuesday.meanPercent()).isCloseTo(55, within(1e-9));
    assertThat(tuesday.total()).isEqualTo(new Score(12, 102));
    assertThat(tuesday.overdueActions()).isEqualTo(5);
  }

  @Test
  void noClientRecordedMakesNoDay() {
    assertThat(PortfolioHistory.days(List.of(client("none")))).isEmpty();
  }

  private static RecordedStanding.DayScore day(
      LocalDate day, double achieved, double possible, int overdue) {
    return new RecordedStanding.DayScore(day, new Score(achieved, possible), overdue);
  }

  private static PortfolioHistory.Client client(String slug, RecordedStanding.DayScore... days) {
    RecordedStanding.Change none = new RecordedStanding.Change(null, null, null, "none");
    return new PortfolioHistory.Client(
        new TenantSlug(slug),
        slug,
        new RecordedStanding(List.of(days), Optional.empty(), none, none, List.of()));
  }
}
