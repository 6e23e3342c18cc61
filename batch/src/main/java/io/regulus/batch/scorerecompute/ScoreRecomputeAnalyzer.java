package io.regulus.batch.scorerecompute;

import io.regulus.history.RecomputeFailure;
import jakarta.annotation.Resource;
import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Date;
import javax.sql.DataSource;

/**
 * Carries the reason of the first partition that failed (its exit status, set by the batchlet or
 * the listener) up to the step and the job, whose exit status is what the run shows as its failure;
 * a partition that failed without one gets the database's absence, when it is absent or started
 * again since the run started (a partition whose end the outage cut fails only once the database is
 * back).
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
      // does not answer now, or that started again since this run started (it went away and came
      // back), is the cause; otherwise the server's log has it
      reason =
          ScoreRecomputeListener.answers(database) && !restartedDuringRun()
              ? "A partition failed before it could say why (the server's log has the cause);"
                  + " restart this run: it records only the partitions that did not finish."
              : RecomputeFailure.databaseWentAway(null);
    }
    job.setExitStatus(reason);
    step.setExitStatus(reason);
  }

  /**
   * Whether PostgreSQL started after this run did ({@code pg_postmaster_start_time()}): the
   * database went away during the run even though it answers again now. True when it cannot tell.
   */
  private boolean restartedDuringRun() {
    Date started =
        BatchRuntime.getJobOperator().getJobExecution(job.getExecutionId()).getStartTime();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT pg_postmaster_start_time()")) {
      return !result.next() || started == null || result.getTimestamp(1).after(started);
    } catch (SQLException e) {
      return true;
    }
  }
}
