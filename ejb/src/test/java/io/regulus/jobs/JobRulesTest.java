package io.regulus.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRulesTest {

  private static final String RECOMPUTE = JobRules.SCORE_RECOMPUTE;

  @Test
  void aRunningExecutionOnlyStops() {
    assertThat(JobRules.operations(RECOMPUTE, "STARTED", true)).containsExactly(JobOperation.STOP);
    assertThat(JobRules.operations(RECOMPUTE, "STARTING", true)).containsExactly(JobOperation.STOP);
    assertThat(JobRules.refusal(JobOperation.ABANDON, RECOMPUTE, "STARTED", true))
        .hasValueSatisfying(why -> assertThat(why).contains("is STARTED", "stop it first"));
  }

  @Test
  void aFailedOrStoppedLatestExecutionRestartsOrIsAbandoned() {
    for (String status : List.of("FAILED", "STOPPED")) {
      assertThat(JobRules.operations(RECOMPUTE, status, true))
          .containsExactly(JobOperation.RESTART, JobOperation.ABANDON);
    }
  }

  @Test
  void anExecutionRestartedAlreadyDoesNotRestartAgain() {
    assertThat(JobRules.operations(RECOMPUTE, "FAILED", false))
        .containsExactly(JobOperation.ABANDON);
    assertThat(JobRules.refusal(JobOperation.RESTART, RECOMPUTE, "FAILED", false))
        .hasValueSatisfying(why -> assertThat(why).contains("restarted already"));
  }

  @Test
  void aCompletedOrAbandonedExecutionIsDoneWithAndTheRefusalNamesItsStatus() {
    for (String status : List.of("COMPLETED", "ABANDONED", "STOPPING")) {
      assertThat(JobRules.operations(RECOMPUTE, status, true)).isEmpty();
      assertThat(JobRules.refusal(JobOperation.RESTART, RECOMPUTE, status, true))
          .hasValueSatisfying(
              why -> assertThat(why).startsWith("is " + status + ": only a failed or stopped"));
      assertThat(JobRules.refusal(JobOperation.STOP, RECOMPUTE, status, true))
          .hasValueSatisfying(why -> assertThat(why).startsWith("is " + status));
    }
  }

  @Test
  void aTemplateImportOrPushRestartsThroughItsOwnFeature() {
    for (String job : List.of("template-import", "template-push")) {
      assertThat(JobRules.operations(job, "FAILED", true)).containsExactly(JobOperation.ABANDON);
      assertThat(JobRules.refusal(JobOperation.RESTART, job, "FAILED", true))
          .hasValueSatisfying(why -> assertThat(why).contains("restarts only through its"));
      assertThat(JobRules.operations(job, "STARTED", true)).containsExactly(JobOperation.STOP);
    }
  }

  @Test
  void onlyTheScoreRecomputationStartsByHand() {
    assertThat(JobRules.startedElsewhere("template-import"))
        .hasValueSatisfying(where -> assertThat(where).contains("imports a template file"));
    assertThat(JobRules.startedElsewhere("no-such-job")).isEmpty();
  }

  @Test
  void theFailureReasonIsTheJobsExitStatusElseTheFailedStepsElseAFailedPartitions() {
    StepRun quiet = step("record", "FAILED", "FAILED", List.of());
    assertThat(
            JobRules.failureReason(
                run("FAILED", "Tenant acme: database unreachable"), List.of(quiet)))
        .isEqualTo("Tenant acme: database unreachable");
    StepRun saying =
        step("record", "FAILED", "Partition 2 could not reach the database", List.of());
    assertThat(JobRules.failureReason(run("FAILED", "FAILED"), List.of(saying)))
        .isEqualTo("Partition 2 could not reach the database");
    StepRun partitioned =
        step(
            "record",
            "FAILED",
            null,
            List.of(
                new PartitionRun(0, "COMPLETED", "COMPLETED", null, null, 0, 0),
                new PartitionRun(1, "FAILED", "tenant globex failed: timeout", null, null, 0, 0)));
    assertThat(JobRules.failureReason(run("FAILED", null), List.of(partitioned)))
        .isEqualTo("tenant globex failed: timeout");
  }

  @Test
  void aFailureThatSaysNothingIsToldInPlainWordsAndOnlyAFailureHasAReason() {
    assertThat(
            JobRules.failureReason(
                run("FAILED", "FAILED"), List.of(step("stage", "FAILED", "FAILED", List.of()))))
        .startsWith("It failed in step stage without giving a reason")
        .contains("server's log");
    assertThat(JobRules.failureReason(run("COMPLETED", "all good"), List.of())).isNull();
    assertThat(JobRules.failureReason(run("STOPPED", "STOPPED"), List.of())).isNull();
  }

  private static JobRun run(String status, String exitStatus) {
    Instant now = Instant.parse("2026-12-06T03:00:00Z");
    return new JobRun(7, 3, RECOMPUTE, status, exitStatus, now, now, now, now, Map.of());
  }

  private static StepRun step(
      String name, String status, String exitStatus, List<PartitionRun> partitions) {
    return new StepRun(
        name, status, exitStatus, null, null, 0, 0, partitions.size(), 0, partitions);
  }
}
