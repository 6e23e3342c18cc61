package io.regulus.report;

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
 * Starts the {@code report-build} job for a day and tells how a run goes: a platform operator's way
 * (and, chained after the score recomputation, the schedule's) to have every active tenant's and
 * every firm's reports of a day built from that day's snapshots.
 */
@Stateless
@Guarded
public class ReportBuildService {

  /** The job's name (its XML in the batch module). */
  public static final String JOB = "report-build";

  private static final Logger LOG = Logger.getLogger(ReportBuildService.class.getName());

  @EJB private Jobs jobs;

  /**
   * Starts a run building the reports of {@code day} (today, UTC, when null), replacing that day's;
   * a day after today is refused: it has no snapshot yet.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public ReportBuild start(Caller caller, LocalDate day) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate built = day == null ? today : day;
    if (built.isAfter(today)) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The day "
              + built
              + " has not come yet (today is "
              + today
              + ", UTC): build the reports of today or an earlier day.");
    }
    Properties parameters = new Properties();
    parameters.setProperty("day", built.toString());
    long execution = jobs.start(JOB, parameters);
    LOG.info(() -> "report build of " + built + " started by " + caller.id());
    return build(caller, execution);
  }

  /** A run of the job, by its execution id; not found when the id is of no run of this job. */
  @Requires(Permission.OPERATE_PLATFORM)
  public ReportBuild build(Caller caller, long executionId) {
    Jobs.Execution execution =
        jobs.execution(executionId)
            .filter(found -> JOB.equals(found.jobName()))
            .orElseThrow(
                () ->
                    new DomainException(
                        ProblemKind.NOT_FOUND,
                        "There is no report build "
                            + executionId
                            + ": its id is the one the start answered with."));
    String day = execution.parameters().getProperty("day");
    return new ReportBuild(
        executionId, day == null ? null : LocalDate.parse(day), execution.status());
  }
}
