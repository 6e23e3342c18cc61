package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The score recomputation run through the API as an operator, for the tests that need snapshots.
 */
public final class ScoreRecomputes {

  private ScoreRecomputes() {}

  /** Starts a run of {@code day} (today when null) and waits until it completes; its state. */
  public static JsonPath run(LocalDate day) {
    String operator = Platform.operator();
    Response started =
        Api.as(operator).post("/platform/score-recomputes" + (day == null ? "" : "?day=" + day));
    assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
    String location = started.header("Location");
    assertThat(location).endsWith("/platform/score-recomputes/" + started.path("executionId"));
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonPath state = Api.as(operator).get(location).then().statusCode(200).extract().jsonPath();
    while (!"COMPLETED".equals(state.getString("status"))) {
      assertThat(state.getString("status")).isNotIn("FAILED", "STOPPED", "ABANDONED");
      assertThat(System.nanoTime()).as(state.prettify()).isLessThan(deadline);
      TemplateImports.sleep(200);
      state = Api.as(operator).get(location).then().statusCode(200).extract().jsonPath();
    }
    return state;
  }

  /**
   * Implements and passes the tenant's first action not implemented yet, as its admin, so that its
   * score moves; a test result by hand on an automatically tested action says why. The actions
   * named in {@code except} are left alone.
   */
  public static void passNextAction(String admin, String tenant, long... except) {
    java.util.Set<Long> kept =
        java.util.Arrays.stream(except).boxed().collect(java.util.stream.Collectors.toSet());
    Map<String, Object> open =
        Platform.actions(admin, tenant).stream()
            .filter(action -> "NOT_IMPLEMENTED".equals(action.get("implementationStatus")))
            .filter(action -> !kept.contains(((Number) action.get("id")).longValue()))
            .findFirst()
            .orElseThrow();
    Platform.change(admin, tenant, open.get("id"), Map.of("implementationStatus", "IMPLEMENTED"))
        .then()
        .statusCode(200);
    Map<String, Object> passed = new HashMap<>(Map.of("testStatus", "PASSED"));
    if ("AUTOMATIC".equals(open.get("testingSource"))) {
      passed.put("testOverrideReason", "checked by hand in a test");
    }
    Platform.change(admin, tenant, open.get("id"), passed).then().statusCode(200);
  }
}
