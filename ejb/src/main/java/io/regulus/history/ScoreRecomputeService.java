package io.regulus.history;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.jobs.JobRules;
import io.regulus.jobs.JobService;
import io.regulus.jobs.Jobs;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.LocalDate;

/**
 * Starts the {@code score-recompute} job for a day and tells how a run goes: a platform operator's
 * (the schedule's too) way to have every active tenant's scores recorded as that day's snapshot.
 */
@Stateless
@Guarded
public class ScoreRecomputeService {

  /** The job's name (its XML in the batch module). */
  public static final String JOB = JobRules.SCORE_RECOMPUTE;

  @EJB private Jobs jobs;
  @EJB private JobService operations;

  /**
   * Starts a run recording {@code day} (today, UTC, when null); a day already recorded is recorded
   * again in place of its snapshot. A day after today is refused: there is nothing to record yet.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public ScoreRecompute start(Caller caller, LocalDate day) {
    return recompute(caller, operations.start(caller, JOB, day).id());
  }

  /** A run of the job, by its execution id; not found when the id is of no run of this job. */
  @Requires(Permission.OPERATE_PLATFORM)
  public ScoreRecompute recompute(Caller caller, long executionId) {
    Jobs.Execution execution =
        jobs.execution(executionId)
            .filter(found -> JOB.equals(found.jobName()))
            .orElseThrow(
                () ->
                    new DomainException(
                        ProblemKind.NOT_FOUND,
                        "There is no score recomputation "
                            + executionId
                            + ": its id is the one the start answered with."));
    String day = execution.parameters().getProperty("day");
    return new ScoreRecompute(
        executionId, day == null ? null : LocalDate.parse(day), execution.status());
  }
}
