package io.regulus.batch.scorerecompute;

import io.regulus.history.RecomputeFailure;
import jakarta.annotation.Resource;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * After each step (a partition, and the step over them): when the database does not answer, a wait
 * for it; after a failed one, the reason kept as its exit status and the job's: the failure's own
 * (see {@link RecomputeFailure}), or, when the database does not answer, that it went away. The job
 * repository lives in the same database, so a failure cannot be recorded while it is away: the
 * listener then waits for it (up to {@link #DATABASE_WAIT}, trying a connection every second)
 * before the step ends; without the wait the run would stay STARTED, not restartable, until the
 * server restarts.
 */
@Named
@Dependent
public class ScoreRecomputeListener extends AbstractStepListener {

  /** How long a failed step waits for a database that went away before ending anyway. */
  static final Duration DATABASE_WAIT = Duration.ofMinutes(10);

  private static final Logger LOG = Logger.getLogger(ScoreRecomputeListener.class.getName());

  @Inject private StepContext step;
  @Inject private JobContext job;

  @Resource(lookup = "jdbc/regulus")
  private DataSource database;

  @Override
  public void afterStep() throws InterruptedException {
    // a partition that completed as the database went away must wait too, or its end stays
    // unrecorded
    boolean lost = !answers();
    if (lost) {
      LOG.warning(
          "score recompute: the database went away; waiting for it to record the step's end");
      awaitDatabase();
    }
    if (lost && reasonSoFar(step.getExitStatus()) == null) {
      // this partition's end is what the outage may cut: if it is recorded FAILED, this is why
      step.setExitStatus(RecomputeFailure.databaseWentAway(null));
    }
    if (step.getBatchStatus() != BatchStatus.FAILED) {
      return;
    }
    String reason = reasonSoFar(step.getExitStatus());
    if (reason == null) {
      Exception failure = step.getException();
      reason =
          failure != null && (!lost || RecomputeFailure.databaseLost(failure))
              ? RecomputeFailure.reason(failure, null)
              : lost ? RecomputeFailure.databaseWentAway(null) : null;
    }
    if (reason != null) {
      step.setExitStatus(reason);
      if (reasonSoFar(job.getExitStatus()) == null) {
        job.setExitStatus(reason);
      }
    }
  }

  /**
   * A reason already given, or null when the status is unset or only names a batch status (a
   * partition's batchlet ends with its batch status's name, so a partition that did its work and
   * then lost the database never passes for a reason).
   */
  static String reasonSoFar(String exitStatus) {
    if (exitStatus == null) {
      return null;
    }
    for (BatchStatus status : BatchStatus.values()) {
      if (status.name().equals(exitStatus)) {
        return null;
      }
    }
    return exitStatus;
  }

  private boolean answers() {
    return answers(database);
  }

  /** Whether the database gives a valid connection now. */
  static boolean answers(DataSource database) {
    try (Connection connection = database.getConnection()) {
      return connection.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  private void awaitDatabase() throws InterruptedException {
    long deadline = System.nanoTime() + DATABASE_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(1000);
      if (answers()) {
        LOG.info("score recompute: the database answers again; the failure is recorded");
        return;
      }
    }
  }
}
