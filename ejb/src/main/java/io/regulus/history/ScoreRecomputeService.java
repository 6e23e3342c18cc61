package io.regulus.history;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.jobs.Jobs;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the {@code score-recompute} job for a day and tells how a run goes: a platform operator's
 * (the schedule's too) way to have every active tenant's scores recorded as that day's snapshot.
 */
@Stateless
@Guarded
public class ScoreRecomputeService {

  /** The job's name (its XML in the batch module). */
  public static final String JOB = "score-recompute";

  private static final Logger LOG = Logger.getLogger(ScoreRecomputeService.class.getName());

  @EJB private Jobs jobs;

  /**
   * Starts a run recording {@code day} (today, UTC, when null); a day already recorded is recorded
   * again in place of its snapshot. A day after today is refused: there is nothing to record yet.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public ScoreRecompute start(Caller caller, LocalDate day) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate recorded = day == null ? today : day;
    if (recorded.isAfter(today)) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The day "
              + recorded
              + " has not come yet (today is "
              + today
              + ", UTC): record today or an earlier day.");
    }
    Properties parameters = new Properties();
    parameters.setProperty("day", recorded.toString());
    long execution = jobs.start(JOB, parameters);
    LOG.info(() -> "score recompute of " + recorded + " started by " + caller.id());
    return recompute(caller, execution);
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
