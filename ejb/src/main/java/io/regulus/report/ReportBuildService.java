package io.regulus.report;

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
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.time.LocalDate;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the {@code report-build} job for a day and tells how a run goes: a platform operator's way
 * (the job management's too), and the nightly run's after its score recomputation, to have every
 * active tenant's and every firm's reports of a day built from that day's snapshots. A run keeps
 * its number of partitions in its parameters ({@link TenantPartitions}), so a restart runs only the
 * partitions that did not complete.
 */
@Stateless
@LocalBean
@Local(JobStarter.class)
@Guarded
public class ReportBuildService implements JobStarter {

  /** The job's name (its XML in the batch module). */
  public static final String JOB = JobRules.REPORT_BUILD;

  /** How many tenants one partition builds, on average. */
  public static final int PARTITION_TENANTS = 50;

  private static final Logger LOG = Logger.getLogger(ReportBuildService.class.getName());

  @EJB private Jobs jobs;
  @EJB private TenantRegistry registry;

  /**
   * Starts a run building the reports of {@code day} (today, UTC, when null), replacing that day's;
   * a day after today is refused: it has no snapshot yet.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public ReportBuild start(Caller caller, LocalDate day) {
    return build(caller, begin(caller, RunDay.notAfterToday(day, "build the reports of")));
  }

  /**
   * The nightly run's reports of {@code day}, started once its score recomputation of that day
   * completed.
   */
  @Requires(Permission.START_NIGHTLY_RECOMPUTE)
  public long startNightly(Caller caller, LocalDate day) {
    return begin(caller, day);
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

  /** Restarts a failed or stopped run with its own day and partitions; the new run's id. */
  @Override
  @Requires(Permission.OPERATE_PLATFORM)
  public long restartRun(Caller caller, long executionId) {
    long restarted = jobs.restart(executionId, execution(executionId).parameters());
    LOG.info(
        () -> "report build " + executionId + " restarted as " + restarted + " by " + caller.id());
    return restarted;
  }

  /** A run of the job, by its execution id; not found when the id is of no run of this job. */
  @Requires(Permission.OPERATE_PLATFORM)
  public ReportBuild build(Caller caller, long executionId) {
    Jobs.Execution execution = execution(executionId);
    String day = execution.parameters().getProperty("day");
    return new ReportBuild(
        executionId, day == null ? null : LocalDate.parse(day), execution.status());
  }

  private long begin(Caller caller, LocalDate day) {
    Properties parameters = new Properties();
    parameters.setProperty("day", day.toString());
    parameters.setProperty(
        "partitions",
        Integer.toString(
            TenantPartitions.partitions(
                registry.withStatus(TenantStatus.ACTIVE).size(), PARTITION_TENANTS)));
    long execution = jobs.start(JOB, parameters);
    LOG.info(() -> "report build of " + day + " started by " + caller.id());
    return execution;
  }

  private Jobs.Execution execution(long executionId) {
    return jobs.execution(executionId)
        .filter(found -> JOB.equals(found.jobName()))
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.NOT_FOUND,
                    "There is no report build "
                        + executionId
                        + ": its id is the one the start answered with."));
  }
}
