package io.regulus.batch.scorerecompute;

import io.regulus.history.RecomputeFailure;
import jakarta.annotation.Resource;
import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import javax.sql.DataSource;

/**
 * Carries the reason of the first partition that failed (its exit status, set by the batchlet or
 * the listener) up to the step and the job, whose exit status is what the run shows as its failure;
 * a partition that failed without one gets the database's absence, when it is absent.
 */
@Named
@Dependent
public class ScoreRecomputeAnalyzer extends AbstractPartitionAnalyzer {

  @Inject private JobContext job;
  @Inject private StepContext step;

  @Resource(lookup = "jdbc/regulus")
  private DataSource database;

  @Override
  public void analyzeStatus(BatchStatus status, String exitStatus) {
    if (status != BatchStatus.FAILED
        || ScoreRecomputeListener.reasonSoFar(job.getExitStatus()) != null) {
      return;
    }
    String reason = ScoreRecomputeListener.reasonSoFar(exitStatus);
    if (reason == null) {
      // failed before our code could say why (its start or end not recorded): a database that
      // does not answer now is the cause; otherwise the server's log has it
      reason =
          ScoreRecomputeListener.answers(database)
              ? "A partition failed before it could say why (the server's log has the cause);"
                  + " restart this run: it records only the partitions that did not finish."
              : RecomputeFailure.databaseWentAway(null);
    }
    job.setExitStatus(reason);
    step.setExitStatus(reason);
  }
}
