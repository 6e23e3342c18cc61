package io.regulus.jobs;

import io.regulus.access.Caller;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import java.time.LocalDate;

/**
 * A job that operators start and restart by hand from the job management ({@link JobService}),
 * through the feature that owns it: the feature keeps its own rules of a start (one run at a time,
 * the parameters a run needs) in one place, whoever asks. A guarded service of that feature
 * implements it.
 */
public interface JobStarter {

  /** The job's name (its XML in the batch module). */
  @Internal("the job management's lookup of the feature that starts a job")
  String job();

  /** Starts a run of {@code day} (today, UTC, when null); the execution's id. */
  @Requires(Permission.OPERATE_PLATFORM)
  long startRun(Caller caller, LocalDate day);

  /** Restarts a failed or stopped run of this job; the new execution's id. */
  @Requires(Permission.OPERATE_PLATFORM)
  long restartRun(Caller caller, long executionId);
}
