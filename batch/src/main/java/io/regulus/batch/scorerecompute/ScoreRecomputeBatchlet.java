package io.regulus.batch.scorerecompute;

import io.regulus.access.SystemCaller;
import io.regulus.history.RecomputeFailure;
import io.regulus.history.ScoreSnapshots;
import jakarta.annotation.Resource;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Records the day's snapshot of each tenant of its partition, one transaction per tenant; a failure
 * fails the partition (a restart records its tenants again, replacing what was recorded), its
 * reason kept as the partition's exit status. A stop takes effect between two tenants.
 *
 * <p>The job repository lives in the same database: when the database goes away, the failure of the
 * partition can only be recorded once it is back, so the partition waits for it (up to {@link
 * #DATABASE_WAIT}) before it fails; without the wait the run would stay STARTED, not restartable,
 * until the server restarts.
 */
@Named
@Dependent
public class ScoreRecomputeBatchlet extends AbstractBatchlet {

  /** How long a partition that lost the database waits for it before failing anyway. */
  static final Duration DATABASE_WAIT = Duration.ofMinutes(10);

  private static final Logger LOG = Logger.getLogger(ScoreRecomputeBatchlet.class.getName());

  @Inject private ScoreSnapshots snapshots;
  @Inject private StepContext step;

  @Resource(lookup = "jdbc/regulus")
  private DataSource database;

  @Inject
  @BatchProperty(name = "tenants")
  private String tenants;

  @Inject
  @BatchProperty(name = "day")
  private String day;

  private volatile boolean stopped;

  @Override
  public String process() throws InterruptedException {
    LocalDate recorded =
        day == null || day.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(day);
    int done = 0;
    for (String tenant :
        tenants == null || tenants.isEmpty() ? new String[0] : tenants.split(",")) {
      if (stopped) {
        return "STOPPED";
      }
      try {
        if (snapshots.record(SystemCaller.RECOMPUTE, tenant, recorded)) {
          done++;
        }
      } catch (RuntimeException e) {
        String reason = RecomputeFailure.reason(e, tenant);
        step.setExitStatus(reason);
        LOG.log(Level.WARNING, "score recompute of " + recorded + ": " + reason, e);
        if (RecomputeFailure.databaseLost(e)) {
          awaitDatabase();
        }
        throw e;
      }
    }
    int recordedTenants = done;
    LOG.fine(() -> "score recompute of " + recorded + ": " + recordedTenants + " tenants recorded");
    return "DONE";
  }

  /** Waits until the database answers again, or {@link #DATABASE_WAIT} has passed. */
  private void awaitDatabase() throws InterruptedException {
    long deadline = System.nanoTime() + DATABASE_WAIT.toNanos();
    while (System.nanoTime() < deadline && !stopped) {
      try (Connection connection = database.getConnection()) {
        if (connection.isValid(5)) {
          LOG.info("score recompute: the database answers again, the partition's failure is kept");
          return;
        }
      } catch (SQLException e) {
        // still away
      }
      Thread.sleep(1000);
    }
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
