package io.regulus.batch;

import io.regulus.jobs.JobRun;
import io.regulus.jobs.Jobs;
import io.regulus.jobs.PartitionRun;
import io.regulus.jobs.StepRun;
import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The domain's {@link Jobs}, here beside the job XML so that Liberty finds the jobs of this module.
 * It only passes calls on: the domain service that calls it has decided the caller may. What the
 * standard {@link JobOperator} cannot answer (a page of every job's executions, the partitions of a
 * step) comes from the job repository's tables ({@link JobRepositoryRows}); a restart first records
 * FAILED the partitions whose end an outage left unrecorded, which Liberty would refuse.
 */
@Stateless
public class BatchJobs implements Jobs {

  private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

  @Inject private JobRepositoryRows rows;

  private JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  @Override
  public long start(String name, Properties parameters) {
    return operator().start(name, parameters);
  }

  @Override
  public void stop(long executionId) {
    operator().stop(executionId);
  }

  @Override
  public long restart(long executionId, Properties parameters) {
    List<Integer> settled = rows.settleCutPartitions(executionId);
    if (!settled.isEmpty()) {
      LOG.warning(
          () ->
              "execution "
                  + executionId
                  + ": partitions "
                  + settled
                  + " ended unrecorded (the database or server went away); recorded FAILED so"
                  + " that the restart runs them");
    }
    return operator().restart(executionId, parameters);
  }

  @Override
  public void abandon(long executionId) {
    operator().abandon(executionId);
  }

  @Override
  public String status(long executionId) {
    return operator().getJobExecution(executionId).getBatchStatus().name();
  }

  @Override
  public List<Long> running(String name) {
    try {
      return operator().getRunningExecutions(name);
    } catch (NoSuchJobException e) {
      return List.of();
    }
  }

  @Override
  public Optional<Execution> execution(long executionId) {
    try {
      JobExecution execution = operator().getJobExecution(executionId);
      Properties parameters = execution.getJobParameters();
      return Optional.of(
          new Execution(
              execution.getJobName(),
              execution.getBatchStatus().name(),
              execution.getExitStatus(),
              parameters == null ? new Properties() : parameters));
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
  }

  @Override
  public Page<JobRun> runs(String job, String status, PageRequest page) {
    JobRepositoryRows.IdPage ids = rows.executionIds(job, status, page);
    List<JobRun> runs = ids.ids().stream().map(this::run).flatMap(Optional::stream).toList();
    return new Page<>(runs, page, ids.total());
  }

  @Override
  public Optional<JobRun> run(long executionId) {
    try {
      JobExecution execution = operator().getJobExecution(executionId);
      JobInstance instance = operator().getJobInstance(executionId);
      Map<String, String> parameters = new TreeMap<>();
      Properties given = execution.getJobParameters();
      if (given != null) {
        given.stringPropertyNames().forEach(name -> parameters.put(name, given.getProperty(name)));
      }
      return Optional.of(
          new JobRun(
              executionId,
              instance.getInstanceId(),
              execution.getJobName(),
              execution.getBatchStatus().name(),
              execution.getExitStatus(),
              instant(execution.getCreateTime()),
              instant(execution.getStartTime()),
              instant(execution.getEndTime()),
              instant(execution.getLastUpdatedTime()),
              parameters));
    } catch (NoSuchJobExecutionException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<StepRun> steps(long executionId) {
    List<StepExecution> steps = operator().getStepExecutions(executionId);
    Map<String, List<PartitionRun>> partitions = rows.partitions(executionId);
    Map<String, int[]> plans = rows.partitionPlans(executionId);
    return steps.stream()
        .sorted(
            Comparator.comparing(
                StepExecution::getStartTime, Comparator.nullsLast(Comparator.naturalOrder())))
        .map(
            step -> {
              int[] plan = plans.getOrDefault(step.getStepName(), new int[] {0, 0});
              return new StepRun(
                  step.getStepName(),
                  step.getBatchStatus().name(),
                  step.getExitStatus(),
                  instant(step.getStartTime()),
                  instant(step.getEndTime()),
                  metric(step, Metric.MetricType.READ_COUNT),
                  metric(step, Metric.MetricType.WRITE_COUNT),
                  plan[0],
                  plan[1],
                  partitions.getOrDefault(step.getStepName(), List.of()));
            })
        .toList();
  }

  @Override
  public OptionalLong restartedAs(long executionId) {
    JobInstance instance = operator().getJobInstance(executionId);
    return operator().getJobExecutions(instance).stream()
        .mapToLong(JobExecution::getExecutionId)
        .filter(id -> id > executionId)
        .min();
  }

  private static long metric(StepExecution step, Metric.MetricType type) {
    Metric[] metrics = step.getMetrics();
    if (metrics == null) {
      return 0;
    }
    for (Metric metric : metrics) {
      if (metric.getType() == type) {
        return metric.getValue();
      }
    }
    return 0;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
