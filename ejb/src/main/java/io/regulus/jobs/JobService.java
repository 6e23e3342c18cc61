package io.regulus.jobs;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

/**
 * The platform's batch jobs for its operators: every execution of every job, newest first; one in
 * detail (steps, partitions, progress, why it failed); a score recomputation started by hand; an
 * execution stopped, restarted or abandoned when {@link JobRules} allows it for its job and status.
 */
@Stateless
@Guarded
public class JobService {

  private static final Logger LOG = Logger.getLogger(JobService.class.getName());

  @EJB private Jobs jobs;
  @Inject @Any private Instance<JobStarter> starters;

  /**
   * A page of the executions, newest first, of one job and in one batch status when they are given
   * (null or blank for all); a status the batch runtime does not have is refused, naming those it
   * has.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public Page<JobRun> runs(Caller caller, String job, String status, PageRequest page) {
    String asked =
        status == null || status.isBlank()
            ? null
            : status.trim().toUpperCase(java.util.Locale.ROOT);
    if (asked != null && !JobRules.STATUSES.contains(asked)) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "There is no status "
              + status
              + ": an execution is one of "
              + String.join(", ", JobRules.STATUSES)
              + ".",
          "status");
    }
    return jobs.runs(job == null || job.isBlank() ? null : job.trim(), asked, page);
  }

  /** An execution in detail; not found when there is none of that id. */
  @Requires(Permission.OPERATE_PLATFORM)
  public JobRunDetail detail(Caller caller, long executionId) {
    JobRun run = found(executionId);
    List<StepRun> steps = jobs.steps(executionId);
    Long restartedAs = jobs.restartedAs(executionId).stream().boxed().findFirst().orElse(null);
    return new JobRunDetail(
        run,
        JobRules.failureReason(run, steps),
        steps,
        restartedAs,
        JobRules.operations(run.job(), run.status(), restartedAs == null));
  }

  /**
   * Starts job {@code job} by hand for {@code day} (today, UTC, when null), through the feature
   * that owns it (a {@link JobStarter}: the score recomputation, the reports), which keeps its own
   * rules of a start. Every other job starts from its own feature, which gives it its input.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public JobRun start(Caller caller, String job, LocalDate day) {
    JobStarter starter =
        starter(job)
            .orElseThrow(
                () ->
                    JobRules.startedElsewhere(job)
                        .map(
                            where ->
                                new DomainException(
                                    ProblemKind.RULE_VIOLATED,
                                    "Job "
                                        + job
                                        + " does not start by hand: it starts "
                                        + where
                                        + ". Only "
                                        + startable()
                                        + " start here."))
                        .orElseGet(
                            () ->
                                new DomainException(
                                    ProblemKind.NOT_FOUND,
                                    "There is no job "
                                        + job
                                        + ": the jobs that start by hand are "
                                        + startable()
                                        + ".")));
    long execution = starter.startRun(caller, day);
    LOG.info(() -> job + " started by " + caller.id() + ": " + execution);
    return found(execution);
  }

  /** Asks a starting or started execution to stop at its next checkpoint. */
  @Requires(Permission.OPERATE_PLATFORM)
  public JobRunDetail stop(Caller caller, long executionId) {
    return operate(caller, JobOperation.STOP, executionId, jobs::stop);
  }

  /**
   * Restarts a failed or stopped execution (the latest of its instance) with the parameters it
   * started with, as a new execution; a partitioned step runs only the partitions that did not
   * complete. The new execution in detail.
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public JobRunDetail restart(Caller caller, long executionId) {
    JobRun run = allowed(JobOperation.RESTART, executionId);
    Optional<JobStarter> starter = starter(run.job());
    long restarted;
    if (starter.isPresent()) {
      restarted = starter.get().restartRun(caller, executionId);
    } else {
      Properties parameters = new Properties();
      parameters.putAll(run.parameters());
      restarted = jobs.restart(executionId, parameters);
    }
    LOG.info(
        () -> run.job() + " " + executionId + " restarted by " + caller.id() + ": " + restarted);
    return detail(caller, restarted);
  }

  /** Gives up a failed or stopped execution for good. */
  @Requires(Permission.OPERATE_PLATFORM)
  public JobRunDetail abandon(Caller caller, long executionId) {
    return operate(caller, JobOperation.ABANDON, executionId, jobs::abandon);
  }

  private JobRunDetail operate(
      Caller caller, JobOperation operation, long executionId, LongConsumer action) {
    JobRun run = allowed(operation, executionId);
    action.accept(executionId);
    LOG.info(
        () ->
            run.job()
                + " "
                + executionId
                + " "
                + operation.name().toLowerCase(java.util.Locale.ROOT)
                + " by "
                + caller.id());
    return detail(caller, executionId);
  }

  /** The execution, when {@code operation} is allowed for it now; a conflict saying why not. */
  private JobRun allowed(JobOperation operation, long executionId) {
    JobRun run = found(executionId);
    boolean latest = jobs.restartedAs(executionId).isEmpty();
    JobRules.refusal(operation, run.job(), run.status(), latest)
        .ifPresent(
            why -> {
              throw new DomainException(
                  ProblemKind.CONFLICT,
                  "Execution " + executionId + " of " + run.job() + " " + why);
            });
    return run;
  }

  /** The feature that starts {@code job} by hand, if one does. */
  private Optional<JobStarter> starter(String job) {
    return starters.stream().filter(starter -> starter.job().equals(job)).findFirst();
  }

  private String startable() {
    return String.join(", ", starters.stream().map(JobStarter::job).sorted().toList());
  }

  private JobRun found(long executionId) {
    return jobs.run(executionId)
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.NOT_FOUND,
                    "There is no job execution "
                        + executionId
                        + ": the list of executions shows their ids."));
  }
}
