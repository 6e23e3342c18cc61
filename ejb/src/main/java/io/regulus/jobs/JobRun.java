package io.regulus.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * One execution of a job as the job repository keeps it: its id, the job instance it ran (a restart
 * is a new execution of the same instance), the job's name, its batch status (STARTING, STARTED,
 * STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED), the exit status the job or the batch runtime
 * left, its times (null until reached) and the parameters it was started with.
 */
public record JobRun(
    long id,
    long instanceId,
    String job,
    String status,
    String exitStatus,
    Instant created,
    Instant started,
    Instant ended,
    Instant lastUpdated,
    Map<String, String> parameters) {

  public JobRun {
    parameters = Map.copyOf(parameters);
  }

  /** Still going: it may yet stop, fail or complete. */
  public boolean running() {
    return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
  }
}
