package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;

/** A platform job started through the API by an operator and followed until it completes. */
public final class JobRuns {

  private JobRuns() {}

  /**
   * Starts the job at {@code path} (such as {@code /platform/report-builds}) for {@code day} and
   * waits until it completes (at most 3 minutes): its last state.
   */
  public static JsonPath complete(String path, LocalDate day) {
    String operator = Platform.operator();
    Response started = Api.as(operator).post(path + "?day=" + day);
    assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
    String location = started.header("Location");
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
}
