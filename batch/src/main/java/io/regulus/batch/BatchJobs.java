package io.regulus.batch;

import io.regulus.jobs.Jobs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The domain's {@link Jobs}, here beside the job XML so that Liberty finds the jobs of this module.
 * It only passes calls on: the domain service that calls it has decided the caller may.
 */
@Stateless
public class BatchJobs implements Jobs {

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
}
