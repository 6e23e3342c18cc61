package io.regulus.browser;

import static io.regulus.browser.PortfolioPagesIT.percent;
import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import io.regulus.it.ScoreRecomputes;
import io.regulus.it.ScoredTenant;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The score trend in the pages, from snapshots the score recomputation recorded on three days (35
 * and 5 days ago and today) with the client's score raised between them: the dashboard's chart of
 * the last 90 days, overall and of one assessment, with its first and last figures in words, and
 * its empty state before the first snapshot; the portfolio's trend column with each client's 30-day
 * change as the API gives it, sortable.
 */
class ScoreTrendPagesIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static String firm;
  private static ScoredTenant scored;
  private static String fresh;
  private static String freshAdmin;
  private static String consultant;

  @BeforeAll
  static void threeRecordedDays() {
    firm = Platform.firm("trfirm");
    scored = ScoredTenant.build(Platform.tenant("tr-scored", firm), "GDPR portal");
    ScoreRecomputes.run(TODAY.minusDays(35));
    ScoreRecomputes.passNextAction(scored.adminToken(), scored.slug(), scored.openOverdue());
    ScoreRecomputes.run(TODAY.minusDays(5));
    ScoreRecomputes.passNextAction(scored.adminToken(), scored.slug(), scored.openOverdue());
    ScoreRecomputes.run(TODAY);
    fresh = ScoredTenant.build(Platform.tenant("tr-fresh", firm), "GDPR fresh").slug();
    freshAdmin = KeycloakClient.createMember(fresh, "admin");
    consultant =
        KeycloakClient.createUser(
            "trcons",
            "/firms/" + firm + "/consultant",
            "/tenants/" + scored.slug() + "/reader",
            "/tenants/" + fresh + "/reader");
  }

  @Test
  void theDashboardDrawsTheRecordedDaysOverallAndOfAnAssessment() {
    JsonPath history =
        Api.as(scored.adminToken())
            .queryParam("from", TODAY.minusDays(89).toString())
            .queryParam("to", TODAY.toString())
            .get("/tenants/" + scored.slug() + "/score-history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Double> overall = history.getList("days.overall.percent", Double.class);
    assertThat(overall).hasSize(3);

    Ui ui = Ui.signIn(consultant, "/app/dashboard.xhtml?tenant=" + scored.slug());
    assertThat(ui.present("#chart-trend canvas[role=img][aria-label]")).isTrue();
    assertThat(ui.present("#trend-empty")).isFalse();
    assertThat(ui.texts("#trend-summary .trend-percent").stream().map(PortfolioPagesIT::percent))
        .containsExactly(overall.get(0), overall.get(2));
    assertThat(ui.text("#trend-summary")).contains("3 recorded days");
    assertThat(ui.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    ui.screenshots("dashboard-trend").accessibility("dashboard-trend");

    String assessment = history.getString("days[2].byAssessment[0].key");
    new Select(ui.driver().findElement(By.id("trend-line")))
        .selectByValue("assessment:" + assessment);
    ui.waitUntilReady();
    List<Double> assessed =
        history.<Map<String, Object>>getList("days").stream()
            .map(
                day ->
                    ((List<Map<String, Object>>) day.get("byAssessment"))
                        .stream()
                            .filter(l -> assessment.equals(l.get("key")))
                            // as the page shows it: the JSON's figure, not its float's widening
                            .map(l -> String.valueOf(((Map<?, ?>) l.get("score")).get("percent")))
                            .map(Double::valueOf)
                            .findFirst()
                            .orElseThrow())
            .toList();
    // the summary is redrawn by the ajax update the choice started
    List<Double> expected = List.of(assessed.get(0), assessed.get(2));
    assertThat(
            ui
                .awaitTexts(
                    "#trend-summary .trend-percent",
                    texts ->
                        texts.stream().map(PortfolioPagesIT::percent).toList().equals(expected))
                .stream()
                .map(PortfolioPagesIT::percent))
        .containsExactlyElementsOf(expected);
    assertThat(ui.present("#chart-trend canvas")).isTrue();
  }

  @Test
  void aTenantWithoutASnapshotSaysTheTrendStartsWithTheFirstNight() {
    Ui ui = Ui.signIn(freshAdmin, "/app/dashboard.xhtml?tenant=" + fresh);
    assertThat(ui.text("#trend-empty")).contains("No score recorded yet");
    assertThat(ui.present("#chart-trend")).isFalse();
    assertThat(ui.present("#overall-percent")).isTrue();
    ui.screenshots("dashboard-trend-empty").accessibility("dashboard-trend-empty");
  }

  @Test
  void thePortfolioShowsEachClientsTrendAndThirtyDayChangeAsTheApiAndSortsByIt() {
    JsonPath api =
        Api.as(KeycloakClient.token(consultant))
            .queryParam("from", TODAY.minusDays(29).toString())
            .queryParam("to", TODAY.toString())
            .get("/firms/" + firm + "/portfolio/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    double change =
        api.getDouble("clients.find { it.slug == '" + scored.slug() + "' }.change30.points");
    assertThat(change).isPositive();

    Ui ui = Ui.signIn(consultant, "/app/portfolio.xhtml?firm=" + firm);
    String row = "tr:has(.client-link[data-tenant='" + scored.slug() + "'])";
    String other = "tr:has(.client-link[data-tenant='" + fresh + "'])";
    assertThat(ui.text(row + " .client-change"))
        .contains(String.format(java.util.Locale.ROOT, "+%.1f pts", change));
    assertThat(
            ui.driver()
                .findElement(By.cssSelector(row + " .client-change"))
                .getAttribute("data-direction"))
        .isEqualTo("up");
    // two recorded days of the last 30 (5 days ago and today): a line between them that rises
    // plainly, from the bottom half of the 24-pixel sparkline to its top half, however low the
    // score
    String[] points =
        ui.driver()
            .findElement(By.cssSelector(row + " .sparkline polyline"))
            .getAttribute("points")
            .split(" ");
    assertThat(points).hasSize(2);
    double firstY = Double.parseDouble(points[0].split(",")[1]);
    double lastY = Double.parseDouble(points[1].split(",")[1]);
    assertThat(firstY).isGreaterThan(12);
    assertThat(lastY).isLessThan(12);
    assertThat(ui.text(other + " .client-change")).isEqualTo("No snapshot yet");
    assertThat(ui.present(other + " .sparkline")).isFalse();
    assertThat(ui.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    ui.screenshots("portfolio-trend").accessibility("portfolio-trend");

    ui.click("#portfolio th.ui-sortable-column:nth-child(3)");
    List<String> ascending = ui.texts(".client-link");
    ui.click("#portfolio th.ui-sortable-column:nth-child(3)");
    List<String> descending = ui.texts(".client-link");
    assertThat(ascending).hasSize(2);
    assertThat(descending).isEqualTo(List.of(ascending.get(1), ascending.get(0)));
    assertThat(percent(ui.text(row + " .client-score")))
        .isEqualTo(
            Api.as(scored.adminToken())
                .get("/tenants/" + scored.slug() + "/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getDouble("overall.percent"));
  }
}
