package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A firm's portfolio by its clients' snapshots over HTTP: the score recomputation recorded three
 * days (40 and 10 days ago and today) with one client's score raised between them; each client's
 * latest score, its 7- and 30-day change against the snapshot on or before that day, and the firm's
 * figures per day are the recorded ones; a client without a snapshot says so; a consultant sees
 * only their clients' figures; a member of another firm is refused as the firm's client list
 * refuses.
 */
class PortfolioHistoryIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final LocalDate LONG_AGO = TODAY.minusDays(40);
  private static final LocalDate LATELY = TODAY.minusDays(10);

  private static String firm;
  private static ScoredTenant rising;
  private static ScoredTenant steady;
  private static String unrecorded;
  private static String firmAdmin;

  @BeforeAll
  static void threeRecordedDaysWithAScoreRaisedBetweenThem() {
    Platform.awaitReady();
    firm = Platform.firm("phfirm");
    rising = ScoredTenant.build(Platform.tenant("ph-rise", firm), "GDPR portal");
    steady = ScoredTenant.build(Platform.tenant("ph-steady", firm), "GDPR portal");
    firmAdmin =
        KeycloakClient.token(KeycloakClient.createUser("phadmin", "/firms/" + firm + "/admin"));
    ScoreRecomputes.run(LONG_AGO);
    ScoreRecomputes.passNextAction(rising.adminToken(), rising.slug(), rising.openOverdue());
    ScoreRecomputes.run(LATELY);
    ScoreRecomputes.passNextAction(rising.adminToken(), rising.slug(), rising.openOverdue());
    ScoreRecomputes.run(TODAY);
    // a client that came after the last run: no snapshot yet
    unrecorded = Platform.tenant("ph-new", firm);
  }

  @Test
  void eachClientsLatestScoreAndItsChangesAreTheRecordedOnes() {
    JsonPath history = history(firmAdmin, TODAY.minusDays(60), TODAY, 200);
    assertThat(history.getList("clients.slug", String.class))
        .containsExactlyInAnyOrder(rising.slug(), steady.slug(), unrecorded);

    List<Double> recorded = overall(rising); // long ago, lately, today
    assertThat(recorded).hasSize(3);
    assertThat(recorded.get(0)).isLessThan(recorded.get(1));
    assertThat(recorded.get(1)).isLessThan(recorded.get(2));
    Map<String, Object> client = client(history, rising.slug());
    assertThat(client.get("day")).isEqualTo(TODAY.toString());
    assertThat(client.get("score"))
        .isEqualTo(
            Api.as(rising.adminToken())
                .get("/tenants/" + rising.slug() + "/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("overall"));
    assertThat(client.get("overdueActions")).isEqualTo(1);
    // 7 days: against the snapshot on or before 7 days ago, 10 days ago; 30 days: 40 days ago
    assertChange(client, "change7", LATELY, recorded.get(2) - recorded.get(1));
    assertChange(client, "change30", LONG_AGO, recorded.get(2) - recorded.get(0));
    assertThat(((List<?>) client.get("trend"))).hasSize(3);
    assertThat(((List<?>) client.get("biggestGaps"))).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    Map<String, Object> gap = ((List<Map<String, Object>>) client.get("biggestGaps")).get(0);
    assertThat((Float) gap.get("openPoints")).isPositive();

    Map<String, Object> same = client(history, steady.slug());
    assertChange(same, "change7", LATELY, 0);
    assertChange(same, "change30", LONG_AGO, 0);

    Map<String, Object> none = client(history, unrecorded);
    assertThat(none.get("day")).isNull();
    assertThat(none.get("score")).isNull();
    assertThat(none.get("overdueActions")).isNull();
    assertThat((List<?>) none.get("trend")).isEmpty();
    for (String change : List.of("change7", "change30")) {
      Map<String, Object> unknown = (Map<String, Object>) none.get(change);
      assertThat(unknown.get("points")).isNull();
      assertThat((String) unknown.get("reason")).startsWith("No score recorded on or before");
    }
  }

  @Test
  void aChangeWithoutASnapshotOldEnoughIsNullWithItsReason() {
    // the range ends 20 days ago: the latest is 40 days ago, and nothing is older than that
    JsonPath history = history(firmAdmin, TODAY.minusDays(60), TODAY.minusDays(20), 200);
    Map<String, Object> client = client(history, rising.slug());
    assertThat(client.get("day")).isEqualTo(LONG_AGO.toString());
    Map<String, Object> week = (Map<String, Object>) client.get("change7");
    assertThat(week.get("points")).isNull();
    assertThat(week.get("since")).isNull();
    assertThat((String) week.get("reason"))
        .contains("No score recorded on or before " + LONG_AGO.minusDays(7));
    assertThat(history.getList("days.day", String.class)).containsExactly(LONG_AGO.toString());

    // the range ends 5 days ago: the latest is 10 days ago, its 30-day change from 40 days ago
    Map<String, Object> lately =
        client(history(firmAdmin, TODAY.minusDays(5), TODAY.minusDays(5), 200), rising.slug());
    assertThat(lately.get("day")).isEqualTo(LATELY.toString());
    assertThat((List<?>) lately.get("trend")).isEmpty();
    List<Double> recorded = overall(rising);
    assertChange(lately, "change30", LONG_AGO, recorded.get(1) - recorded.get(0));
  }

  @Test
  void theFirmsFiguresOfEachDayAreItsRecordedClientsTogether() {
    JsonPath history = history(firmAdmin, TODAY.minusDays(60), TODAY, 200);
    assertThat(history.getList("days.day", String.class))
        .containsExactly(LONG_AGO.toString(), LATELY.toString(), TODAY.toString());
    List<Double> risingDays = overall(rising);
    List<Double> steadyDays = overall(steady);
    for (int i = 0; i < 3; i++) {
      String day = "days[" + i + "].";
      assertThat(history.getInt(day + "clients")).isEqualTo(2);
      assertThat(history.getDouble(day + "meanPercent"))
          .isCloseTo((risingDays.get(i) + steadyDays.get(i)) / 2, within(0.051));
      assertThat(history.getInt(day + "overdueActions")).isEqualTo(2);
    }
    JsonPath risingToday = today(rising);
    JsonPath steadyToday = today(steady);
    assertThat(history.getDouble("days[2].total.possible"))
        .isCloseTo(
            risingToday.getDouble("overall.possible") + steadyToday.getDouble("overall.possible"),
            within(0.011));
    assertThat(history.getDouble("days[2].total.achieved"))
        .isCloseTo(
            risingToday.getDouble("overall.achieved") + steadyToday.getDouble("overall.achieved"),
            within(0.011));
  }

  @Test
  void aConsultantSeesOnlyTheirClientsFiguresAndAnotherFirmIsRefused() {
    String consultant =
        KeycloakClient.token(
            KeycloakClient.createUser(
                "phcons",
                "/firms/" + firm + "/consultant",
                "/tenants/" + steady.slug() + "/reader"));
    JsonPath theirs = history(consultant, TODAY.minusDays(60), TODAY, 200);
    assertThat(theirs.getList("clients.slug", String.class)).containsExactly(steady.slug());
    List<Double> steadyDays = overall(steady);
    assertThat(theirs.getList("days.clients", Integer.class)).containsExactly(1, 1, 1);
    assertThat(theirs.getList("days.meanPercent", Double.class))
        .usingElementComparator((a, b) -> Math.abs(a - b) < 0.051 ? 0 : Double.compare(a, b))
        .isEqualTo(steadyDays);
    assertThat(theirs.prettify()).doesNotContain(rising.slug());

    String other = Platform.firm("phother");
    String stranger =
        KeycloakClient.token(KeycloakClient.createUser("phstr", "/firms/" + other + "/admin"));
    JsonPath refused = history(stranger, TODAY.minusDays(60), TODAY, 403);
    String listRefusal =
        Api.as(stranger)
            .get("/firms/" + firm + "/tenants")
            .then()
            .statusCode(403)
            .extract()
            .jsonPath()
            .getString("detail");
    assertThat(refused.getString("detail")).isEqualTo(listRefusal);
    assertThat(refused.prettify()).doesNotContain(rising.slug()).doesNotContain(steady.slug());
    Api.as(rising.adminToken())
        .queryParam("from", TODAY.minusDays(60).toString())
        .queryParam("to", TODAY.toString())
        .get("/firms/" + firm + "/portfolio/history")
        .then()
        .statusCode(403);
  }

  @Test
  void aBadRangeIsRefusedWithWhatToSend() {
    Response backwards =
        Api.as(firmAdmin)
            .queryParam("from", TODAY.toString())
            .queryParam("to", TODAY.minusDays(1).toString())
            .get("/firms/" + firm + "/portfolio/history");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body().asString()).contains("from not after to");
    Response missing = Api.as(firmAdmin).get("/firms/" + firm + "/portfolio/history");
    assertThat(missing.statusCode()).isEqualTo(400);
  }

  private static void assertChange(
      Map<String, Object> client, String change, LocalDate since, double points) {
    Map<String, Object> found = (Map<String, Object>) client.get(change);
    assertThat(found.get("reason")).as(change).isNull();
    assertThat(found.get("since")).as(change).isEqualTo(since.toString());
    assertThat(((Number) found.get("points")).doubleValue())
        .as(change)
        .isCloseTo(points, within(0.051));
  }

  /** The tenant's recorded overall percentages, oldest first, by its own score history. */
  private static List<Double> overall(ScoredTenant tenant) {
    return Api.as(tenant.adminToken())
        .queryParam("from", TODAY.minusDays(60).toString())
        .queryParam("to", TODAY.toString())
        .get("/tenants/" + tenant.slug() + "/score-history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("days.overall.percent", Double.class);
  }

  private static JsonPath today(ScoredTenant tenant) {
    return Api.as(tenant.adminToken())
        .get("/tenants/" + tenant.slug() + "/dashboard")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath history(String token, LocalDate from, LocalDate to, int status) {
    return Api.as(token)
        .queryParam("from", from.toString())
        .queryParam("to", to.toString())
        .get("/firms/" + firm + "/portfolio/history")
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  private static Map<String, Object> client(JsonPath history, String slug) {
    return history.getList("clients", Map.class).stream()
        .filter(c -> slug.equals(c.get("slug")))
        .findFirst()
        .map(c -> (Map<String, Object>) c)
        .orElseThrow();
  }
}
