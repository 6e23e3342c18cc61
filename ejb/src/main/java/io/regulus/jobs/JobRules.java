package io.regulus.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator may do with a job's executions, as pure functions of the job and the execution's
 * status:
 *
 * <ul>
 *   <li>a running execution (STARTING, STARTED) may stop;
 *   <li>a failed or stopped one may be abandoned, and restarted when it is the latest execution of
 *       its instance (a restart is a new execution of the same instance: only the latest one
 *       restarts) and its job restarts here: a template import or push restarts through its own
 *       import or push, which keeps its record in step with the job;
 *   <li>nothing else: a completed or abandoned execution is done with.
 * </ul>
 *
 * The score recomputation and the reports start by hand here (through their own services); every
 * other job starts from its feature, with the input it needs. The failure reason is the job's exit
 * status, else the failed step's, else a failed partition's: an exit status that only repeats the
 * batch status says nothing.
 */
public final class JobRules {

  /** The batch statuses of an execution, from its start to its end. */
  public static final List<String> STATUSES =
      List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED");

  /** The score recomputation: started by hand here with a day, or by its schedule. */
  public static final String SCORE_RECOMPUTE = "score-recompute";

  /** The reports of a day: started by hand here with a day, or after the nightly recomputation. */
  public static final String REPORT_BUILD = "report-build";

  /**
   * The jobs of the platform that start from their own feature, and where they start, in words that
   * complete "It starts ...".
   */
  static final Map<String, String> STARTED_ELSEWHERE =
      Map.of(
          "template-import",
          "when someone imports a template file (a template import), which it reads",
          "template-push",
          "when a firm pushes one of its templates to its clients (a template push)",
          "test-sweep",
          "when a tenant admin sweeps their tenant's automatic tests or an operator every tenant's"
              + " (their test sweeps), and in the nightly run before its scores");

  /**
   * The jobs whose restart belongs to their feature, and where, in words that complete "restarts
   * only through ...".
   */
  static final Map<String, String> RESTARTED_ELSEWHERE =
      Map.of(
          "template-import",
          "its template import's own restart, which keeps the import's record in step with the job",
          "template-push",
          "its template push's own restart, which keeps each client's outcome in step with the job");

  private JobRules() {}

  /** What may be done now with an execution of {@code job} in {@code status}. */
  public static List<JobOperation> operations(String job, String status, boolean latest) {
    List<JobOperation> allowed = new ArrayList<>();
    for (JobOperation operation : JobOperation.values()) {
      if (refusal(operation, job, status, latest).isEmpty()) {
        allowed.add(operation);
      }
    }
    return allowed;
  }

  /**
   * Why {@code operation} may not be done with an execution of {@code job} in {@code status}, in
   * words that follow "Execution N of job J ..."; empty when it may.
   */
  public static Optional<String> refusal(
      JobOperation operation, String job, String status, boolean latest) {
    boolean running = "STARTING".equals(status) || "STARTED".equals(status);
    boolean ended = "FAILED".equals(status) || "STOPPED".equals(status);
    return switch (operation) {
      case STOP ->
          running
              ? Optional.empty()
              : Optional.of("is " + status + ": only a starting or started execution stops.");
      case ABANDON ->
          ended
              ? Optional.empty()
              : Optional.of(
                  "is "
                      + status
                      + ": only a failed or stopped execution is abandoned"
                      + (running ? " (stop it first)." : "."));
      case RESTART -> restartRefusal(job, status, ended, latest);
    };
  }

  private static Optional<String> restartRefusal(
      String job, String status, boolean ended, boolean latest) {
    if (!ended) {
      return Optional.of("is " + status + ": only a failed or stopped execution restarts.");
    }
    if (!latest) {
      return Optional.of(
          "was restarted already: restart its latest execution, which the detail names.");
    }
    String through = RESTARTED_ELSEWHERE.get(job);
    if (through != null) {
      return Optional.of("restarts only through " + through + ", not here.");
    }
    return Optional.empty();
  }

  /** The platform's jobs, by name. */
  public static List<String> jobs() {
    List<String> names = new ArrayList<>(STARTED_ELSEWHERE.keySet());
    names.add(SCORE_RECOMPUTE);
    names.add(REPORT_BUILD);
    names.sort(null);
    return names;
  }

  /** Where a job that does not start here starts, or empty for a job the platform does not have. */
  public static Optional<String> startedElsewhere(String job) {
    return Optional.ofNullable(STARTED_ELSEWHERE.get(job));
  }

  /**
   * Why a failed execution failed, in the words its job, step or partition left: the job's exit
   * status, else the first failed step's, else the first failed partition's; when none says more
   * than FAILED, that it failed without a reason and where to look. Null unless it failed.
   */
  public static String failureReason(JobRun run, List<StepRun> steps) {
    if (!"FAILED".equals(run.status())) {
      return null;
    }
    if (says(run.exitStatus())) {
      return run.exitStatus();
    }
    for (StepRun step : steps) {
      if ("FAILED".equals(step.status()) && says(step.exitStatus())) {
        return step.exitStatus();
      }
    }
    for (StepRun step : steps) {
      for (PartitionRun partition : step.partitions()) {
        if ("FAILED".equals(partition.status()) && says(partition.exitStatus())) {
          return partition.exitStatus();
        }
      }
    }
    String where =
        steps.stream()
            .filter(step -> "FAILED".equals(step.status()))
            .map(step -> " in step " + step.name())
            .findFirst()
            .orElse("");
    return "It failed"
        + where
        + " without giving a reason: the server's log around "
        + (run.ended() == null ? "its last update" : run.ended().toString())
        + " tells what went wrong.";
  }

  /** An exit status that says something: not empty, and not only a batch status's name. */
  private static boolean says(String exitStatus) {
    return exitStatus != null && !exitStatus.isBlank() && !STATUSES.contains(exitStatus);
  }
}
