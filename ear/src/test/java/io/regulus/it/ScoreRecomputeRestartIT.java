package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A run whose partition's end the job repository never received still restarts, and its restart
 * runs that partition again. The database going away just as a partition ends leaves its row
 * STARTED under a run that ended; Liberty then refuses the restart ("partition ... is still in a
 * non-final state"), so the day could never be recorded by a restart. {@code ScoreRecomputeFaultIT}
 * makes that outage for real, but whether it cuts a partition's end is chance; here the trace is
 * written as the outage leaves it, on a run stopped by an operator (held on one tenant's snapshot
 * lock, as in {@code ScoreRecomputeScheduleIT}, so that the stop comes while it runs).
 */
class ScoreRecomputeRestartIT {

  private static final int STARTED = 1; // BatchStatus.STARTED's ordinal in the job repository
  private static final int COMPLETED = 5;

  /** A day of its own, so that no other test's day is touched. */
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusYears(2);

  @Test
  void aRunWithAPartitionWhoseEndWasNotRecordedRestartsAndRunsItAgain() throws Exception {
    Platform.awaitReady();
    String tenant = Platform.tenant("cut", null);
    String operator = Platform.operator();
    long run;
    try (Connection holder = TestDatabase.connect()) {
      lock(holder, "SELECT pg_advisory_lock(hashtext(?))", tenant);
      Response started = Api.as(operator).post("/platform/score-recomputes?day=" + DAY);
      assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
      run = started.jsonPath().getLong("executionId");
      JobRuns.await(run, "STARTED");
      Response stop = Api.as(operator).post("/platform/jobs/executions/" + run + "/stop");
      assertThat(stop.statusCode()).as(stop.body().asString()).isEqualTo(200);
      lock(holder, "SELECT pg_advisory_unlock(hashtext(?))", tenant);
    }
    JobRuns.await(run, "STOPPED");

    // the outage's trace: a partition that completed, its end never recorded
    Set<Integer> completed = partitions(run, COMPLETED);
    assertThat(completed).as("partitions completed before the stop").isNotEmpty();
    int cut = completed.iterator().next();
    assertThat(
            TestDatabase.update(
                "UPDATE platform.batch_stepthreadexecution SET batchstatus = ?, endtime = NULL"
                    + " WHERE fk_jobexecid = ? AND partnum = ?",
                STARTED,
                run,
                cut))
        .isEqualTo(1);
    completed.remove(cut);

    Response restarted = Api.as(operator).post("/platform/score-recomputes/" + run + "/restart");
    assertThat(restarted.statusCode()).as(restarted.body().asString()).isEqualTo(202);
    long restart = restarted.jsonPath().getLong("executionId");
    JsonPath done = JobRuns.await(restart, "COMPLETED");

    // the cut partition is shown FAILED saying why, and the restart ran it with every other
    // partition that had not completed
    JsonPath before = JobRuns.detail(run);
    String partition = "steps.find { it.name == 'record' }.partitions.find { it.number == %d }.";
    assertThat(before.getString(partition.formatted(cut) + "status")).isEqualTo("FAILED");
    assertThat(before.getString(partition.formatted(cut) + "exitStatus"))
        .startsWith("Its end was not recorded (the database or server went away");
    int planned = done.getInt("steps.find { it.name == 'record' }.partitionsPlanned");
    Set<Integer> unfinished = new TreeSet<>();
    for (int number = 0; number < planned; number++) {
      if (!completed.contains(number)) {
        unfinished.add(number);
      }
    }
    assertThat(unfinished).contains(cut);
    assertThat(partitions(restart, COMPLETED)).isEqualTo(unfinished);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM " + schema(tenant) + ".score_snapshot WHERE day = ?",
                java.sql.Date.valueOf(DAY)))
        .isPositive();
  }

  private static String schema(String tenant) {
    return TestDatabase.rows(
            "SELECT schema_name FROM platform.tenant WHERE slug = '" + tenant + "'")
        .get(0);
  }

  private static void lock(Connection connection, String sql, String tenant) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, "score_snapshot:" + tenant);
      statement.executeQuery().close();
    }
  }

  /** The partitions the execution ran with the given batch status. */
  private static Set<Integer> partitions(long execution, int status) {
    return TestDatabase.rows(
            "SELECT partnum FROM platform.batch_stepthreadexecution WHERE fk_jobexecid = "
                + execution
                + " AND partnum >= 0 AND batchstatus = "
                + status)
        .stream()
        .map(Integer::valueOf)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
