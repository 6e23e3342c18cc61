package io.regulus.batch.scorerecompute;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Carries the reason of the first partition that failed (its exit status, set by the batchlet) up
 * to the step and the job, whose exit status is what the run shows as its failure.
 */
@Named
@Dependent
public class ScoreRecomputeAnalyzer extends AbstractPartitionAnalyzer {

  @Inject private JobContext job;
  @Inject private StepContext step;

  @Override
  public void analyzeStatus(BatchStatus status, String exitStatus) {
    if (status == BatchStatus.FAILED
        && ScoreRecomputeListener.reasonSoFar(exitStatus) != null
        && ScoreRecomputeListener.reasonSoFar(job.getExitStatus()) == null) {
      job.setExitStatus(exitStatus);
      step.setExitStatus(exitStatus);
    }
  }
}
