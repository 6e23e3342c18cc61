package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * One score recomputation at a time: while a run is going (held here on one tenant's snapshot lock,
 * as a slow tenant would hold it), an operator's second start is refused with 409 naming the run
 * that is going, whatever day it asks for; once the run has ended, a start is accepted again. The
 * schedule shows its switch and time as the server was started with (off in the test stack).
 */
class ScoreRecomputeScheduleIT {

  @Test
  void aStartWhileARunIsGoingIsRefusedNamingTheRun() throws Exception {
    Platform.awaitReady();
    String tenant = Platform.tenant("held", null);
    String operator = Platform.operator();
    long first;
    try (Connection holder = TestDatabase.connect()) {
      // the job records this tenant's snapshot under this lock (ScoreSnapshots): the run waits
      lock(holder, "SELECT pg_advisory_lock(hashtext(?))", tenant);
      Response started = Api.as(operator).post("/platform/score-recomputes");
      assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
      first = started.jsonPath().getLong("executionId");

      String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
      for (String query : new String[] {"", "?day=" + yesterday}) {
        Response refused = Api.as(operator).post("/platform/score-recomputes" + query);
        assertThat(refused.statusCode()).as(refused.body().asString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith(Api.PROBLEM);
        assertThat(refused.jsonPath().getString("detail"))
            .contains(
                "The score recomputation " + first + " (recording ",
                "one runs at a time",
                "GET /api/v1/platform/score-recomputes/" + first);
      }
      assertThat(status(operator, first)).isIn("STARTING", "STARTED");
      lock(holder, "SELECT pg_advisory_unlock(hashtext(?))", tenant);
    }
    awaitCompleted(operator, first);
    Response again = Api.as(operator).post("/platform/score-recomputes");
    assertThat(again.statusCode()).as(again.body().asString()).isEqualTo(202);
    awaitCompleted(operator, again.jsonPath().getLong("executionId"));
  }

  @Test
  void theScheduleShowsItsSwitchAndTime() {
    JsonPath schedule =
        Api.as(Platform.operator())
            .get("/platform/score-recomputes/schedule")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // the test stack starts its server with REGULUS_NIGHTLY=off and the default time
    assertThat(schedule.getBoolean("on")).isFalse();
    assertThat(schedule.getString("at")).isEqualTo("02:30");
    assertThat(schedule.getString("timeZone")).isEqualTo("UTC");
    assertThat(schedule.getString("nextDue")).isNull();
  }

  private static void lock(Connection connection, String sql, String tenant) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, "score_snapshot:" + tenant);
      statement.executeQuery().close();
    }
  }

  private static String status(String operator, long executionId) {
    return Api.as(operator)
        .get("/platform/score-recomputes/" + executionId)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  private static void awaitCompleted(String operator, long executionId) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    String status = status(operator, executionId);
    while (!"COMPLETED".equals(status)) {
      assertThat(status).isNotIn("FAILED", "STOPPED", "ABANDONED");
      assertThat(System.nanoTime()).as(executionId + " " + status).isLessThan(deadline);
      TemplateImports.sleep(300);
      status = status(operator, executionId);
    }
  }
}
