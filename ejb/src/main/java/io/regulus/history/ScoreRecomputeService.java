package io.regulus.history;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.jobs.Jobs;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.batch.operations.BatchRuntimeException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts the {@code score-recompute} job for a day and tells how a run goes: a platform operator's
 * (the schedule's too) way to have every active tenant's scores recorded as that day's snapshot. A
 * run keeps, in its parameters, the number of partitions it started with (see {@link
 * RecomputePlan}); a failed or stopped run restarts with the same parameters, so it records only
 * the partitions that did not complete.
 */
@Stateless
@Guarded
public class ScoreRecomputeService {

  /** The job's name (its XML in the batch module). */
  public static final String JOB = "score-recompute";

  private static final Logger LOG = Logger.getLogger(ScoreRecomputeService.class.getName());

  /** The statuses a run restarts from. */
  private static final Set<String> RESTARTABLE = Set.of("FAILED", "STOPPED");

  @EJB private Jobs jobs;
  @EJB private TenantRegistry registry;
  @Inject private Settings settings;

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
    parameters.setProperty(
        "partitions",
        Integer.toString(
            RecomputePlan.partitions(
                registry.withStatus(TenantStatus.ACTIVE).size(),
                settings.recomputePartitionTenants())));
    long execution = jobs.start(JOB, parameters);
    LOG.info(() -> "score recompute of " + recorded + " started by " + caller.id());
    return recompute(caller, execution);
  }

  /**
   * Restarts a failed or stopped run with its own day and partitions: the partitions that completed
   * are not run again. The new run's state; a run in any other state is a conflict.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ScoreRecompute restart(Caller caller, long executionId) {
    Jobs.Execution failed = execution(executionId);
    if (!RESTARTABLE.contains(failed.status())) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Score recomputation "
              + executionId
              + " is "
              + failed.status()
              + ": only a FAILED or STOPPED run restarts (start a new run to record a day again).");
    }
    long restarted;
    try {
      restarted = jobs.restart(executionId, failed.parameters());
    } catch (EJBException e) {
      if (e.getCause() instanceof BatchRuntimeException refused) {
        // restarted already (only the latest run restarts), or a partition left unfinished
        throw new DomainException(
            ProblemKind.CONFLICT,
            "Score recomputation "
                + executionId
                + " cannot restart: "
                + refused.getMessage()
                + " Restart its latest run, or start a new run of the day.");
      }
      throw e;
    }
    LOG.info(
        () ->
            "score recompute " + executionId + " restarted as " + restarted + " by " + caller.id());
    return recompute(caller, restarted);
  }

  /** A run of the job, by its execution id; not found when the id is of no run of this job. */
  @Requires(Permission.OPERATE_PLATFORM)
  public ScoreRecompute recompute(Caller caller, long executionId) {
    Jobs.Execution execution = execution(executionId);
    String day = execution.parameters().getProperty("day");
    boolean failed = RESTARTABLE.contains(execution.status());
    String exit = execution.exitStatus();
    String partitions = execution.parameters().getProperty("partitions");
    return new ScoreRecompute(
        executionId,
        day == null ? null : LocalDate.parse(day),
        partitions == null ? null : Integer.valueOf(partitions),
        execution.status(),
        failed && exit != null && !exit.equals(execution.status()) ? exit : null);
  }

  private Jobs.Execution execution(long executionId) {
    return jobs.execution(executionId)
        .filter(found -> JOB.equals(found.jobName()))
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.NOT_FOUND,
                    "There is no score recomputation "
                        + executionId
                        + ": its id is the one the start answered with."));
  }
}
