package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * Platform jobs started through the API by an operator and followed until they end, and job
 * executions as the job-management tests make and follow them.
 */
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

  /** An execution in detail, as an operator reads it. */
  public static JsonPath detail(long execution) {
    return Api.as(Platform.operator())
        .get("/platform/jobs/executions/" + execution)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits (at most three minutes) until the execution is in {@code status}; its detail then. */
  public static JsonPath await(long execution, String status) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonPath state = detail(execution);
    while (!status.equals(state.getString("run.status"))) {
      assertThat(System.nanoTime()).as(state.prettify()).isLessThan(deadline);
      TemplateImports.sleep(200);
      state = detail(execution);
    }
    return state;
  }

  /**
   * A large template import into a new tenant, stopped by an operator through the job API while it
   * stages; its execution id, once it is STOPPED.
   */
  public static long stoppedImport() {
    String tenant = Platform.tenant("jobstop", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    byte[] workbook;
    try {
      workbook = GeneratedWorkbook.of(TemplateImportRestartIT.ACTIONS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long id =
        TemplateImports.start(
            admin, tenant, Api.unique("jobstop"), "excel", new ByteArrayInputStream(workbook));
    JsonPath staging =
        TemplateImports.await(
            admin,
            tenant,
            id,
            state -> {
              assertThat(state.getString("status")).isIn("QUEUED", "RUNNING");
              return "STAGE".equals(state.getString("step")) && state.getInt("itemsWritten") > 0;
            },
            Duration.ofMinutes(3));
    long execution = staging.getLong("executionId");
    JsonPath asked =
        Api.as(Platform.operator())
            .post("/platform/jobs/executions/" + execution + "/stop")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(asked.getString("run.status")).isIn(Set.of("STOPPING", "STOPPED").toArray());
    await(execution, "STOPPED");
    return execution;
  }
}
