package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Job management for platform operators: a real score recomputation and a real template import
 * listed among every job's executions and read in detail (steps, partitions, progress); refusals
 * (stop or restart of a completed run, a job that starts elsewhere, unknown ids and jobs) as
 * problems saying why; a tenant admin and a firm consultant refused everything.
 */
class JobsIT {

  private static String operator;
  private static long recompute;
  private static long importExecution;
  private static long importItems;
  private static String tenantAdmin;
  private static String consultant;

  @BeforeAll
  static void aRecomputationAndAnImportHaveRun() throws Exception {
    Platform.awaitReady();
    operator = Platform.operator();
    String firm = Platform.firm("jobs");
    String tenant = Platform.tenant("jobs", firm);
    tenantAdmin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    consultant =
        KeycloakClient.token(
            KeycloakClient.createUser(
                "jobscons", "/firms/" + firm + "/consultant", "/tenants/" + tenant + "/reader"));

    long id =
        TemplateImports.start(
            tenantAdmin,
            tenant,
            Api.unique("jobs-tpl"),
            "excel",
            new ByteArrayInputStream(GeneratedWorkbook.of(600)));
    JsonPath imported = TemplateImports.finished(tenantAdmin, tenant, id);
    assertThat(imported.getString("status")).as(imported.prettify()).isEqualTo("PUBLISHED");
    importExecution = imported.getLong("executionId");
    importItems = imported.getLong("itemsWritten");

    Response started =
        Api.as(operator)
            .post("/platform/jobs/score-recompute/executions?day=" + today().minusDays(1));
    assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
    recompute = started.jsonPath().getLong("id");
    assertThat(started.header("Location")).endsWith("/platform/jobs/executions/" + recompute);
    assertThat(started.jsonPath().getString("job")).isEqualTo("score-recompute");
    assertThat(started.jsonPath().getString("parameters.day"))
        .isEqualTo(today().minusDays(1).toString());
    awaitStatus(recompute, "COMPLETED");
  }

  @Test
  void theListShowsEveryJobNewestFirstFilteredAndPaged() {
    Response all = Api.as(operator).queryParam("size", 500).get("/platform/jobs");
    assertThat(all.statusCode()).isEqualTo(200);
    List<Long> ids = all.jsonPath().getList("id", Long.class);
    assertThat(ids).contains(recompute, importExecution);
    assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(ids.indexOf(recompute)).isLessThan(ids.indexOf(importExecution));
    assertThat(Long.parseLong(all.header("X-Total-Count"))).isGreaterThanOrEqualTo(ids.size());

    JsonPath recomputes =
        Api.as(operator)
            .queryParam("job", "score-recompute")
            .queryParam("status", "COMPLETED")
            .queryParam("size", 500)
            .get("/platform/jobs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(recomputes.getList("job", String.class)).containsOnly("score-recompute");
    assertThat(recomputes.getList("status", String.class)).containsOnly("COMPLETED");
    assertThat(recomputes.getList("id", Long.class)).contains(recompute);

    Response imports =
        Api.as(operator)
            .queryParam("job", "template-import")
            .queryParam("size", 1)
            .get("/platform/jobs");
    assertThat(imports.statusCode()).isEqualTo(200);
    assertThat(imports.jsonPath().getList("job", String.class)).containsExactly("template-import");
    assertThat(imports.header("Link")).contains("rel=\"next\"");

    Response failedNone =
        Api.as(operator)
            .queryParam("status", "failed")
            .queryParam("job", "no-such-job")
            .get("/platform/jobs");
    assertThat(failedNone.statusCode()).isEqualTo(200);
    assertThat(failedNone.header("X-Total-Count")).isEqualTo("0");

    Response badStatus = Api.as(operator).queryParam("status", "DONE").get("/platform/jobs");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.contentType()).startsWith("application/problem+json");
    assertThat(badStatus.jsonPath().getString("detail"))
        .contains("There is no status DONE", "COMPLETED");
  }

  @Test
  void aRecomputationShowsItsPartitionsAllCompleted() {
    JsonPath detail = detail(recompute);
    assertThat(detail.getString("run.status")).isEqualTo("COMPLETED");
    assertThat(detail.getString("run.started")).isNotNull();
    assertThat(detail.getString("run.ended")).isNotNull();
    assertThat(detail.getString("run.lastUpdated")).isNotNull();
    assertThat(detail.getString("failureReason")).isNull();
    assertThat(detail.getList("operations")).isEmpty();
    // a run started by hand sweeps no tests first: its sweep step ends at once
    assertThat(detail.getList("steps.name")).containsExactly("sweep", "record");
    assertThat(detail.getString("steps[0].exitStatus")).startsWith("no sweep");
    int planned = detail.getInt("steps[1].partitionsPlanned");
    long activeTenants =
        TestDatabase.count("SELECT count(*) FROM platform.tenant WHERE status = 'ACTIVE'");
    // the run's partitions were decided when it started (the test stack takes two tenants to one)
    assertThat(planned)
        .isPositive()
        .isLessThanOrEqualTo((int) activeTenants)
        .isEqualTo(Integer.parseInt(detail.getString("run.parameters.partitions")));
    assertThat(detail.getInt("steps[1].partitionsCompleted")).isEqualTo(planned);
    List<Map<String, Object>> partitions = detail.getList("steps[1].partitions");
    assertThat(partitions).hasSize(planned);
    assertThat(partitions).extracting(p -> p.get("status")).containsOnly("COMPLETED");
    assertThat(partitions).extracting(p -> p.get("number")).doesNotHaveDuplicates();
    assertThat(partitions).allSatisfy(p -> assertThat(p.get("ended")).isNotNull());
  }

  @Test
  void aTemplateImportShowsItsStepsAndTheItemsItsChunksReadAndWrote() {
    JsonPath detail = detail(importExecution);
    assertThat(detail.getString("run.job")).isEqualTo("template-import");
    assertThat(detail.getString("run.parameters.importId")).isNotBlank();
    assertThat(detail.getList("steps.name")).containsExactly("validate", "stage", "publish");
    assertThat(detail.getList("steps.status", String.class)).containsOnly("COMPLETED");
    assertThat(detail.getLong("steps[1].read")).isEqualTo(importItems).isPositive();
    assertThat(detail.getLong("steps[1].written")).isEqualTo(importItems);
    assertThat(detail.getInt("steps[1].partitionsPlanned")).isZero();
    assertThat(detail.getList("steps[1].partitions")).isEmpty();
  }

  @Test
  void aCompletedRunNeitherStopsNorRestartsNorIsAbandonedAndTheRefusalSaysItsStatus() {
    for (String operation : List.of("stop", "restart", "abandon")) {
      Response refused =
          Api.as(operator).post("/platform/jobs/executions/" + recompute + "/" + operation);
      assertThat(refused.statusCode()).as(operation).isEqualTo(409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.jsonPath().getString("detail"))
          .startsWith("Execution " + recompute + " of score-recompute is COMPLETED");
    }
    assertThat(detail(recompute).getString("run.status")).isEqualTo("COMPLETED");
  }

  @Test
  void onlyTheRecomputationStartsHereAndAnUnknownJobOrExecutionIsNotFound() {
    Response elsewhere = Api.as(operator).post("/platform/jobs/template-import/executions");
    assertThat(elsewhere.statusCode()).isEqualTo(422);
    assertThat(elsewhere.jsonPath().getString("detail"))
        .contains("does not start by hand", "imports a template file");
    Response unknown = Api.as(operator).post("/platform/jobs/no-such-job/executions");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.jsonPath().getString("detail")).contains("There is no job no-such-job");
    Response future =
        Api.as(operator)
            .post("/platform/jobs/score-recompute/executions?day=" + today().plusDays(1));
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.jsonPath().getString("detail")).contains("has not come yet");
    for (String path :
        List.of(
            "/platform/jobs/executions/999999999",
            "/platform/jobs/executions/999999999/stop",
            "/platform/jobs/executions/999999999/restart",
            "/platform/jobs/executions/999999999/abandon")) {
      Response missing =
          path.endsWith("999") ? Api.as(operator).get(path) : Api.as(operator).post(path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.jsonPath().getString("detail"))
          .contains("There is no job execution 999999999");
    }
  }

  @Test
  void aTenantAdminAndAFirmConsultantAreRefusedEverything() {
    for (String token : List.of(tenantAdmin, consultant)) {
      Api.as(token).get("/platform/jobs").then().statusCode(403);
      Api.as(token).get("/platform/jobs/executions/" + recompute).then().statusCode(403);
      Api.as(token).post("/platform/jobs/score-recompute/executions").then().statusCode(403);
      for (String operation : List.of("stop", "restart", "abandon")) {
        Api.as(token)
            .post("/platform/jobs/executions/" + recompute + "/" + operation)
            .then()
            .statusCode(403);
      }
    }
  }

  @Test
  void anOperatorStopsARunningImportWhichThenIsAbandonedHereButRestartsOnlyThroughItsImport() {
    long execution = JobRuns.stoppedImport();
    JsonPath stopped = detail(execution);
    assertThat(stopped.getString("run.job")).isEqualTo("template-import");
    assertThat(stopped.getList("operations")).containsExactly("ABANDON");
    assertThat(stopped.getString("steps.find { it.name == 'stage' }.status")).isEqualTo("STOPPED");
    assertThat(stopped.getLong("steps.find { it.name == 'stage' }.written")).isPositive();

    Response again = Api.as(operator).post("/platform/jobs/executions/" + execution + "/stop");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.jsonPath().getString("detail"))
        .isEqualTo(
            "Execution "
                + execution
                + " of template-import is STOPPED: only a starting or started execution stops.");
    Response restart = Api.as(operator).post("/platform/jobs/executions/" + execution + "/restart");
    assertThat(restart.statusCode()).isEqualTo(409);
    assertThat(restart.jsonPath().getString("detail"))
        .contains("restarts only through its template import's own restart");

    Response abandoned =
        Api.as(operator).post("/platform/jobs/executions/" + execution + "/abandon");
    assertThat(abandoned.statusCode()).as(abandoned.body().asString()).isEqualTo(200);
    assertThat(abandoned.jsonPath().getString("run.status")).isEqualTo("ABANDONED");
    assertThat(abandoned.jsonPath().getList("operations")).isEmpty();
    Response twice = Api.as(operator).post("/platform/jobs/executions/" + execution + "/abandon");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.jsonPath().getString("detail")).contains("is ABANDONED");
  }

  private static JsonPath detail(long execution) {
    return Api.as(operator)
        .get("/platform/jobs/executions/" + execution)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void awaitStatus(long execution, String status) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonPath state = detail(execution);
    while (!status.equals(state.getString("run.status"))) {
      assertThat(state.getString("run.status")).isNotIn("FAILED", "STOPPED", "ABANDONED");
      assertThat(System.nanoTime()).as(state.prettify()).isLessThan(deadline);
      TemplateImports.sleep(200);
      state = detail(execution);
    }
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
