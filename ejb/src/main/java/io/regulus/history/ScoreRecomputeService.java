package io.regulus.history;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.jobs.JobRules;
import io.regulus.jobs.JobStarter;
import io.regulus.jobs.Jobs;
import io.regulus.jobs.RunDay;
import io.regulus.jobs.TenantPartitions;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.batch.operations.BatchRuntimeException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts the {@code score-recompute} job for a day and tells how a run goes: a platform operator's
 * way, and the nightly schedule's, to have every active tenant's scores recorded as that day's
 * snapshot. One run at a time, across every node sharing the database: each start takes the job's
 * lock (a PostgreSQL transaction-level advisory lock), checks in the job repository that no run is
 * going, and starts; the nightly run of a day is started once, by the node that claims the day. A
 * run keeps, in its parameters, the number of partitions it started with (see {@link
 * TenantPartitions}); a failed or stopped run restarts with the same parameters, so it records only
 * the partitions that did not complete.
 */
@Stateless
@LocalBean
@Local(JobStarter.class)
@Guarded
public class ScoreRecomputeService implements JobStarter {

  /** The job's name (its XML in the batch module). */
  public static final String JOB = JobRules.SCORE_RECOMPUTE;

  /** The parameter that marks the nightly run: its last step starts the day's reports. */
  public static final String NIGHTLY = "nightly";

  private static final Logger LOG = Logger.getLogger(ScoreRecomputeService.class.getName());

  /** A failed run's reason when it recorded none. */
  private static final String UNSAID =
      "The run ended without recording why (the server's log has the cause): restart it once the"
          + " cause is gone; it records only the partitions that did not finish.";

  /** The statuses a run restarts from. */
  private static final Set<String> RESTARTABLE = Set.of("FAILED", "STOPPED");

  @EJB private Jobs jobs;
  @EJB private TenantRegistry registry;
  @Inject private ScheduledRuns runs;
  @Inject private Settings settings;

  /**
   * Starts a run recording {@code day} (today, UTC, when null); a day already recorded is recorded
   * again in place of its snapshot. A day after today is refused: there is nothing to record yet;
   * so is a start while a run is going.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public ScoreRecompute start(Caller caller, LocalDate day) {
    LocalDate recorded = RunDay.notAfterToday(day, "record");
    runs.lockStarts(JOB);
    Optional<ScoreRecompute> going = going();
    if (going.isPresent()) {
      throw new ScoreRecomputeGoingException(going.get());
    }
    long execution = jobs.start(JOB, parameters(recorded));
    LOG.info(() -> "score recompute of " + recorded + " started by " + caller.id());
    return recompute(caller, execution);
  }

  @Override
  @Internal("the job management's lookup of the feature that starts a job")
  public String job() {
    return JOB;
  }

  /** {@link #start} for the job management: the run's execution id. */
  @Override
  @Requires(Permission.OPERATE_PLATFORM)
  public long startRun(Caller caller, LocalDate day) {
    return start(caller, day).executionId();
  }

  /** {@link #restart} for the job management: the new run's execution id. */
  @Override
  @Requires(Permission.OPERATE_PLATFORM)
  public long restartRun(Caller caller, long executionId) {
    return restart(caller, executionId).executionId();
  }

  /**
   * The nightly run of today (UTC), once its time has come: started on this node when it claims the
   * day first, and no run is going; otherwise nothing starts, and the answer says why. The one
   * place the schedule starts its work.
   */
  @Requires(Permission.START_NIGHTLY_RECOMPUTE)
  public NightlyStart startNightly(Caller caller) {
    Instant now = Instant.now();
    LocalDate day = NightlySchedule.day(now);
    if (!schedule().due(now)) {
      return new NightlyStart(NightlyStart.Outcome.NOT_DUE, day, null, null);
    }
    runs.lockStarts(JOB);
    String node = settings.node();
    if (!runs.claim(JOB, day, node)) {
      ScheduledRun claimed = runs.of(JOB, day).orElseThrow();
      return new NightlyStart(
          NightlyStart.Outcome.CLAIMED, day, claimed.executionId(), claimed.node());
    }
    Optional<ScoreRecompute> going = going();
    if (going.isPresent()) {
      runs.release(JOB, day);
      return new NightlyStart(NightlyStart.Outcome.RUN_GOING, day, going.get().executionId(), null);
    }
    Properties parameters = parameters(day);
    // the nightly run builds the day's reports once its scores are recorded (the job's last step)
    parameters.setProperty(NIGHTLY, "true");
    long execution = jobs.start(JOB, parameters);
    runs.started(JOB, day, execution);
    LOG.info(
        () ->
            "nightly score recompute of "
                + day
                + " started as execution "
                + execution
                + " on "
                + node
                + " by "
                + caller.id());
    return new NightlyStart(NightlyStart.Outcome.STARTED, day, execution, node);
  }

  /**
   * Restarts a failed or stopped run with its own day and partitions: the partitions that completed
   * are not run again. The new run's state; a run in any other state is a conflict, and so is a
   * restart while another run is going.
   */
  @Requires(Permission.OPERATE_PLATFORM)
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
    java.util.OptionalLong later = jobs.restartedAs(executionId);
    if (later.isPresent()) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Score recomputation "
              + executionId
              + " was restarted already, as "
              + later.getAsLong()
              + ": only the latest run of a day restarts.");
    }
    runs.lockStarts(JOB);
    Optional<ScoreRecompute> going = going();
    if (going.isPresent()) {
      throw new ScoreRecomputeGoingException(going.get());
    }
    long restarted;
    try {
      restarted = jobs.restart(executionId, failed.parameters());
    } catch (EJBException e) {
      Throwable cause = e.getCause();
      while (cause instanceof EJBException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof BatchRuntimeException refused) {
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

  /** The nightly schedule: on or off, its time, when it fires next, and the last run it claimed. */
  @Requires(Permission.OPERATE_PLATFORM)
  public RecomputeSchedule schedule(Caller caller) {
    NightlySchedule schedule = schedule();
    RecomputeSchedule.LastRun last =
        runs.last(JOB)
            .map(
                run ->
                    new RecomputeSchedule.LastRun(
                        run.day(),
                        run.executionId(),
                        run.node(),
                        run.claimedAt(),
                        run.executionId() == null
                            ? null
                            : jobs.execution(run.executionId())
                                .map(Jobs.Execution::status)
                                .orElse(null)))
            .orElse(null);
    return new RecomputeSchedule(
        schedule.on(),
        schedule.at().toString(),
        "UTC",
        schedule.next(Instant.now()).orElse(null),
        last);
  }

  /** A run of the job, by its execution id; not found when the id is of no run of this job. */
  @Requires(Permission.OPERATE_PLATFORM)
  public ScoreRecompute recompute(Caller caller, long executionId) {
    return run(executionId).orElseThrow(() -> unknown(executionId));
  }

  private NightlySchedule schedule() {
    return NightlySchedule.of(settings);
  }

  /** The run going on any node, as the job repository records it. */
  private Optional<ScoreRecompute> going() {
    return jobs.running(JOB).stream().map(this::run).flatMap(Optional::stream).findFirst();
  }

  private Optional<ScoreRecompute> run(long executionId) {
    return jobs.execution(executionId)
        .filter(found -> JOB.equals(found.jobName()))
        .map(
            execution -> {
              String day = execution.parameters().getProperty("day");
              String partitions = execution.parameters().getProperty("partitions");
              return new ScoreRecompute(
                  executionId,
                  day == null ? null : LocalDate.parse(day),
                  partitions == null ? null : Integer.valueOf(partitions),
                  execution.status(),
                  failure(execution));
            });
  }

  /** Why a failed or stopped run ended, when it said; a failed run that said nothing says so. */
  private static String failure(Jobs.Execution execution) {
    String exit = execution.exitStatus();
    if (!RESTARTABLE.contains(execution.status())) {
      return null;
    }
    if (exit != null && !exit.equals(execution.status())) {
      return exit;
    }
    return "FAILED".equals(execution.status()) ? UNSAID : null;
  }

  private Jobs.Execution execution(long executionId) {
    return jobs.execution(executionId)
        .filter(found -> JOB.equals(found.jobName()))
        .orElseThrow(() -> unknown(executionId));
  }

  private static DomainException unknown(long executionId) {
    return new DomainException(
        ProblemKind.NOT_FOUND,
        "There is no score recomputation "
            + executionId
            + ": its id is the one the start answered with.");
  }

  private Properties parameters(LocalDate day) {
    Properties parameters = new Properties();
    parameters.setProperty("day", day.toString());
    parameters.setProperty(
        "partitions",
        Integer.toString(
            TenantPartitions.partitions(
                registry.withStatus(TenantStatus.ACTIVE).size(),
                settings.recomputePartitionTenants())));
    return parameters;
  }
}
