package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, acceptance 1: several tenants with assessments and some actions implemented and passed;
 * the score recomputation run through the API records each tenant's snapshot of the day, equal to
 * the scores and dashboard the API returns for the same data; a second run of the day leaves one
 * snapshot per tenant; another tenant's member cannot read a tenant's history.
 */
class ScoreRecomputeIT {

  private static final double EPSILON = 0.005;

  private static final List<ScoredTenant> TENANTS = new ArrayList<>();

  @BeforeAll
  static void severalTenantsWithScores() {
    Platform.awaitReady();
    for (int i = 0; i < 3; i++) {
      TENANTS.add(ScoredTenant.build(Platform.tenant("recompute", null), "GDPR portal " + i));
    }
    // one tenant with more to break down: a second group and regulation, one action implemented
    ScoredTenant wide = TENANTS.get(0);
    long eu = Platform.createGroup(wide.adminToken(), wide.slug(), "EU subsidiaries");
    Platform.createAssessment(wide.adminToken(), wide.slug(), eu, "HIPAA claims", "hipaa-security");
    Map<String, Object> open =
        Platform.actions(wide.adminToken(), wide.slug()).stream()
            .filter(action -> "NOT_IMPLEMENTED".equals(action.get("implementationStatus")))
            .findFirst()
            .orElseThrow();
    Platform.change(
            wide.adminToken(),
            wide.slug(),
            open.get("id"),
            Map.of("implementationStatus", "IMPLEMENTED"))
        .then()
        .statusCode(200);
  }

  @Test
  void aRunRecordsEachTenantsScoresAsTheApiGivesThemAndASecondRunOfTheDayReplacesThem() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonPath first = run(null);
    assertThat(first.getString("day")).isEqualTo(today.toString());

    for (ScoredTenant tenant : TENANTS) {
      JsonPath day = onlyDay(tenant, today);
      JsonPath dashboard =
          Api.as(tenant.adminToken())
              .get("/tenants/" + tenant.slug() + "/dashboard")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      JsonPath scores =
          Api.as(tenant.adminToken())
              .get("/tenants/" + tenant.slug() + "/scores")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(scores.getDouble("score.possible")).isPositive();
      assertThat(scores.getDouble("score.achieved")).isPositive();
      assertScore(day, "overall", scores, "score");
      assertScore(day, "overall", dashboard, "overall");
      assertScore(day, "providerPoints", dashboard, "providerPoints");
      assertThat(lines(day, "byCategory")).isEqualTo(lines(dashboard, "byCategory"));
      assertThat(lines(day, "byGroup")).isEqualTo(lines(dashboard, "byGroup"));
      assertThat(lines(day, "byRegulation")).isEqualTo(lines(dashboard, "byRegulation"));
      Map<String, List<Double>> assessments = new TreeMap<>();
      for (Map<String, Object> line : dashboard.<Map<String, Object>>getList("byAssessment")) {
        assessments.put(String.valueOf(line.get("id")), score(line));
      }
      Map<String, List<Double>> recorded = new TreeMap<>();
      for (Map<String, Object> line : day.<Map<String, Object>>getList("byAssessment")) {
        recorded.put((String) line.get("key"), score(line));
      }
      assertThat(recorded).isEqualTo(assessments).isNotEmpty();

      // the counts, from the tenant's own list of actions
      List<Map<String, Object>> actions = Platform.actions(tenant.adminToken(), tenant.slug());
      Map<String, Integer> byImplementation = new TreeMap<>();
      Map<String, Integer> byTest = new TreeMap<>();
      int overdue = 0;
      for (Map<String, Object> action : actions) {
        byImplementation.merge((String) action.get("implementationStatus"), 1, Integer::sum);
        byTest.merge((String) action.get("testStatus"), 1, Integer::sum);
        if (Boolean.TRUE.equals(action.get("overdue"))) {
          overdue++;
        }
      }
      assertThat(day.getMap("actionsByImplementation", String.class, Integer.class))
          .isEqualTo(byImplementation);
      assertThat(day.getMap("actionsByTest", String.class, Integer.class)).isEqualTo(byTest);
      assertThat(day.getInt("overdueActions")).isEqualTo(overdue).isEqualTo(1);
    }
    ScoredTenant wide = TENANTS.get(0);
    assertThat(onlyDay(wide, today).getList("byGroup")).hasSize(2);
    assertThat(onlyDay(wide, today).getList("byRegulation")).hasSize(2);

    // an action implemented and passed, then the same day again: its snapshot replaced, one per
    // tenant
    ScoreRecomputes.passNextAction(wide.adminToken(), wide.slug());
    double before = onlyDay(wide, today).getDouble("overall.achieved");
    run(today);
    for (ScoredTenant tenant : TENANTS) {
      String schema = "tenant_" + tenant.slug().replace('-', '_');
      assertThat(
              TestDatabase.count(
                  "SELECT count(*) FROM " + schema + ".score_snapshot WHERE kind = 'TENANT'"))
          .isEqualTo(1);
      assertThat(
              TestDatabase.count(
                  "SELECT count(*) FROM "
                      + schema
                      + ".score_snapshot WHERE kind = 'TENANT' AND day = ?",
                  java.sql.Date.valueOf(today)))
          .isEqualTo(1);
      assertThat(
              TestDatabase.count(
                  "SELECT count(*) FROM "
                      + schema
                      + ".action_count_snapshot WHERE measure = 'OVERDUE'"))
          .isEqualTo(1);
    }
    JsonPath again = onlyDay(wide, today);
    double now =
        Api.as(wide.adminToken())
            .get("/tenants/" + wide.slug() + "/scores")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getDouble("score.achieved");
    assertThat(again.getDouble("overall.achieved")).isCloseTo(now, within(EPSILON));
    assertThat(now).isGreaterThan(before);

    // the snapshots are the tenant's: its export archive carries every row of them
    ScoredTenant exported = TENANTS.get(1);
    String schema = "tenant_" + exported.slug().replace('-', '_');
    Map<String, Long> archived =
        tableLines(Platform.archive(exported.slug(), Platform.export(exported.slug())));
    for (String table : List.of("score_snapshot", "action_count_snapshot")) {
      long rows = TestDatabase.count("SELECT count(*) FROM " + schema + "." + table);
      assertThat(rows).isPositive();
      assertThat(archived).containsEntry("tables/" + table + ".jsonl", rows);
    }
  }

  /** The number of lines (rows) of each entry of an export archive. */
  private static Map<String, Long> tableLines(byte[] zip) {
    Map<String, Long> lines = new TreeMap<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      java.util.zip.ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        lines.put(entry.getName(), text.lines().filter(line -> !line.isBlank()).count());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return lines;
  }

  @Test
  void anotherTenantsMemberCannotReadTheHistoryAndOnlyOperatorsRunIt() {
    ScoredTenant one = TENANTS.get(1);
    ScoredTenant other = TENANTS.get(2);
    String range = "?from=2026-01-01&to=2026-12-31";
    Api.as(other.adminToken())
        .get("/tenants/" + one.slug() + "/score-history" + range)
        .then()
        .statusCode(403);
    Api.as(one.adminToken())
        .get("/tenants/" + one.slug() + "/score-history" + range)
        .then()
        .statusCode(200);
    Api.as(one.adminToken()).post("/platform/score-recomputes").then().statusCode(403);
    Api.as(one.adminToken()).get("/platform/score-recomputes/1").then().statusCode(403);
  }

  @Test
  void aBadRangeOrDayIsRefusedWithWhatToSend() {
    ScoredTenant one = TENANTS.get(1);
    Response backwards =
        Api.as(one.adminToken())
            .get("/tenants/" + one.slug() + "/score-history?from=2026-02-01&to=2026-01-01");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body().asString()).contains("from not after to");
    Response notADay =
        Api.as(one.adminToken())
            .get("/tenants/" + one.slug() + "/score-history?from=yesterday&to=2026-01-01");
    assertThat(notADay.statusCode()).isEqualTo(400);
    assertThat(notADay.body().asString()).contains("'from'", "2026-12-06");
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    Response future =
        Api.as(Platform.operator()).post("/platform/score-recomputes?day=" + tomorrow);
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body().asString()).contains("has not come yet");
    Api.as(Platform.operator()).get("/platform/score-recomputes/999999999").then().statusCode(404);
  }

  /** Starts a run of {@code day} (today when null) and waits until it completes; its state. */
  private static JsonPath run(LocalDate day) {
    return ScoreRecomputes.run(day);
  }

  /** The tenant's trend of one day: it holds that day alone. */
  private static JsonPath onlyDay(ScoredTenant tenant, LocalDate day) {
    JsonPath trend =
        Api.as(tenant.adminToken())
            .queryParam("from", day.minusDays(3).toString())
            .queryParam("to", day.toString())
            .get("/tenants/" + tenant.slug() + "/score-history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(trend.getList("days")).hasSize(1);
    assertThat(trend.getString("days[0].day")).isEqualTo(day.toString());
    return new JsonPath(trend.prettify()).setRootPath("days[0]");
  }

  private static void assertScore(JsonPath day, String line, JsonPath api, String apiLine) {
    assertThat(day.getDouble(line + ".achieved"))
        .isCloseTo(api.getDouble(apiLine + ".achieved"), within(EPSILON));
    assertThat(day.getDouble(line + ".possible"))
        .isCloseTo(api.getDouble(apiLine + ".possible"), within(EPSILON));
    assertThat(day.getDouble(line + ".percent"))
        .isCloseTo(api.getDouble(apiLine + ".percent"), within(EPSILON));
  }

  private static Map<String, List<Double>> lines(JsonPath json, String path) {
    Map<String, List<Double>> lines = new TreeMap<>();
    for (Map<String, Object> line : json.<Map<String, Object>>getList(path)) {
      lines.put((String) line.get("name"), score(line));
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  private static List<Double> score(Map<String, Object> line) {
    Map<String, Object> score = (Map<String, Object>) line.get("score");
    return List.of(
        ((Number) score.get("achieved")).doubleValue(),
        ((Number) score.get("possible")).doubleValue(),
        ((Number) score.get("percent")).doubleValue());
  }
}
