package io.regulus.jobs;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts, stops and restarts Jakarta Batch jobs (the batch module's {@code BatchJobs}). Called by
 * domain services only, after they decided the caller may.
 */
public interface Jobs {

  /** Starts job {@code name} (its XML under META-INF/batch-jobs); the execution's id. */
  long start(String name, Properties parameters);

  /** Asks a running execution to stop at its next checkpoint. */
  void stop(long executionId);

  /** Restarts a failed or stopped execution from its last checkpoint; the new execution's id. */
  long restart(long executionId, Properties parameters);

  /** Gives up a stopped or failed execution for good. */
  void abandon(long executionId);

  /**
   * The execution's batch status (STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ...).
   */
  String status(long executionId);

  /**
   * The executions of job {@code name} the job repository reports as running (starting or started),
   * on any node sharing it; empty when none is, or the job never ran.
   */
  List<Long> running(String name);

  /**
   * An execution's job, batch status, exit status and parameters; empty when there is no such
   * execution.
   */
  Optional<Execution> execution(long executionId);

  /**
   * A job execution as {@link #execution} finds it; its exit status is the batch status's name
   * unless the job set its own (a failure's reason), null while it runs.
   */
  record Execution(String jobName, String status, String exitStatus, Properties parameters) {}
}
