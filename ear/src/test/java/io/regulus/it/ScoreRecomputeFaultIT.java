package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, acceptance 2: PostgreSQL stopped in the middle of a score recomputation (some
 * partitions completed, others running): the run ends FAILED saying the database went away and to
 * restart it once it is back; once PostgreSQL is back, a restart completes, runs only the
 * partitions that had not completed (the job repository's partition executions say which), even
 * though a tenant was added in between, and leaves every snapshot row of every tenant equal to a
 * clean run's of the same day. The test stack takes two tenants to a partition
 * (REGULUS_RECOMPUTE_PARTITION_TENANTS), so a few dozen tenants make many partitions.
 */
class ScoreRecomputeFaultIT {

  private static final int TENANTS = 40;
  private static final int COMPLETED = 5; // BatchStatus.COMPLETED's ordinal in the job repository
  private static final int STARTED = 1;

  /** A past day of its own, so that no other test's day is touched. */
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusYears(1);

  @BeforeAll
  static void manyTenantsSomeWithScores() {
    Platform.awaitReady();
    ScoredTenant.build(Platform.tenant("fault", null), "GDPR fault 1");
    ScoredTenant.build(Platform.tenant("fault", null), "GDPR fault 2");
    IntStream.range(0, TENANTS).parallel().forEach(i -> Platform.tenant("fault", null));
  }

  @Test
  void aRunCutByTheDatabaseFailsSayingWhyAndItsRestartRecordsOnlyTheUnfinishedPartitions()
      throws Exception {
    // the reference: a clean run of the day, every row of every active tenant kept
    String operator = Platform.operator();
    JsonPath clean = finished(operator, start(operator));
    assertThat(clean.getString("status")).isEqualTo("COMPLETED");
    List<String> schemas =
        TestDatabase.rows(
            "SELECT schema_name FROM platform.tenant WHERE status = 'ACTIVE' ORDER BY schema_name");
    Map<String, List<String>> reference = snapshots(schemas);
    assertThat(reference.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
    assertThat(schemas).hasSizeGreaterThan(TENANTS);

    // not yet restartable: completed runs and unknown ids
    Api.as(operator)
        .post("/platform/score-recomputes/" + clean.getLong("executionId") + "/restart")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    Api.as(operator).post("/platform/score-recomputes/999999999/restart").then().statusCode(404);

    // the day's rows gone, so that only the faulted run and its restart can write them again
    for (String schema : schemas) {
      TestDatabase.update("DELETE FROM " + schema + ".score_snapshot WHERE day = ?", sqlDay());
      TestDatabase.update(
          "DELETE FROM " + schema + ".action_count_snapshot WHERE day = ?", sqlDay());
    }

    long faulted = start(operator);
    int partitions = Api.as(operator).get(location(faulted)).path("partitions");
    assertThat(partitions).isGreaterThan(TENANTS / 2);
    awaitSomePartitionsCompletedAndOthersRunning(faulted);
    PostgresServer.stop();
    Thread.sleep(3000);
    PostgresServer.start();

    JsonPath failed = finished(operator, faulted);
    assertThat(failed.getString("status")).as(failed.prettify()).isEqualTo("FAILED");
    assertThat(failed.getString("failure"))
        .contains("database went away", "restart this run once PostgreSQL answers again");
    Set<Integer> completedBefore = partitions(faulted, COMPLETED);
    assertThat(completedBefore).isNotEmpty().hasSizeLessThan(partitions);

    // a tenant added before the restart moves no other tenant to another partition
    Platform.tenant("aa", null);

    Response restarted =
        Api.as(operator).post("/platform/score-recomputes/" + faulted + "/restart");
    assertThat(restarted.statusCode()).as(restarted.body().asString()).isEqualTo(202);
    long restart = restarted.jsonPath().getLong("executionId");
    assertThat(restarted.header("Location")).endsWith("/platform/score-recomputes/" + restart);
    assertThat(restarted.jsonPath().getString("day")).isEqualTo(DAY.toString());
    assertThat(restarted.jsonPath().getInt("partitions")).isEqualTo(partitions);
    // the failed run was restarted already: only its latest run restarts
    Api.as(operator)
        .post("/platform/score-recomputes/" + faulted + "/restart")
        .then()
        .statusCode(409);
    JsonPath done = finished(operator, restart);
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("COMPLETED");
    assertThat(done.getString("failure")).isNull();

    // the restart ran exactly the partitions that had not completed, and each completed
    Set<Integer> all =
        IntStream.range(0, partitions).boxed().collect(Collectors.toCollection(TreeSet::new));
    Set<Integer> unfinished = new TreeSet<>(all);
    unfinished.removeAll(completedBefore);
    assertThat(partitions(restart, -1)).isEqualTo(unfinished);
    assertThat(partitions(restart, COMPLETED)).isEqualTo(unfinished);

    // every row of every tenant as the clean run left it
    assertThat(snapshots(schemas)).isEqualTo(reference);
  }

  private static java.sql.Date sqlDay() {
    return java.sql.Date.valueOf(DAY);
  }

  private static String location(long execution) {
    return "/platform/score-recomputes/" + execution;
  }

  private static long start(String operator) {
    Response started = Api.as(operator).post("/platform/score-recomputes?day=" + DAY);
    assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
    return started.jsonPath().getLong("executionId");
  }

  /** Waits until the run has ended (completed, failed or stopped); its state. */
  private static JsonPath finished(String operator, long execution) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      JsonPath state =
          Api.as(operator).get(location(execution)).then().statusCode(200).extract().jsonPath();
      if (Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED")
          .contains(state.getString("status"))) {
        return state;
      }
      assertThat(System.nanoTime()).as(state.prettify()).isLessThan(deadline);
      TemplateImports.sleep(200);
    }
  }

  /**
   * Waits, reading the job repository, until at least one partition of the run has completed and
   * another is running: the moment to take the database away.
   */
  private static void awaitSomePartitionsCompletedAndOthersRunning(long execution)
      throws SQLException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FILTER (WHERE batchstatus = ?),"
                    + " count(*) FILTER (WHERE batchstatus = ?)"
                    + " FROM platform.batch_stepthreadexecution"
                    + " WHERE fk_jobexecid = ? AND partnum >= 0")) {
      statement.setInt(1, COMPLETED);
      statement.setInt(2, STARTED);
      statement.setLong(3, execution);
      while (true) {
        try (ResultSet counts = statement.executeQuery()) {
          counts.next();
          if (counts.getLong(1) > 0 && counts.getLong(2) > 0) {
            return;
          }
        }
        assertThat(System.nanoTime())
            .as("some partitions completed and others running")
            .isLessThan(deadline);
        TemplateImports.sleep(5);
      }
    }
  }

  /** The partitions the execution ran with the given batch status (-1: any status). */
  private static Set<Integer> partitions(long execution, int status) {
    return TestDatabase.rows(
            "SELECT partnum FROM platform.batch_stepthreadexecution WHERE fk_jobexecid = "
                + execution
                + " AND partnum >= 0"
                + (status < 0 ? "" : " AND batchstatus = " + status))
        .stream()
        .map(Integer::valueOf)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every snapshot row of the day of each schema, as text, in a stable order. */
  private static Map<String, List<String>> snapshots(List<String> schemas) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (String schema : schemas) {
      List<String> lines = new ArrayList<>();
      lines.addAll(
          TestDatabase.rows(
              "SELECT concat_ws('|', kind, scope_key, label, achieved, possible) FROM "
                  + schema
                  + ".score_snapshot WHERE day = '"
                  + DAY
                  + "' ORDER BY kind, scope_key"));
      lines.addAll(
          TestDatabase.rows(
              "SELECT concat_ws('|', measure, value, actions) FROM "
                  + schema
                  + ".action_count_snapshot WHERE day = '"
                  + DAY
                  + "' ORDER BY measure, value"));
      rows.put(schema, lines);
    }
    return rows;
  }
}
