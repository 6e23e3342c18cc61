package io.regulus.batch.scorerecompute;

import io.regulus.access.SystemCaller;
import io.regulus.history.RecomputeFailure;
import io.regulus.history.ScoreSnapshots;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records the day's snapshot of each tenant of its partition, one transaction per tenant; a failure
 * fails the partition (a restart records its tenants again, replacing what was recorded), its
 * reason, naming the tenant, kept as the partition's exit status ({@link ScoreRecomputeListener}
 * waits for a database that went away before the failure is recorded). A stop takes effect between
 * two tenants.
 */
@Named
@Dependent
public class ScoreRecomputeBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(ScoreRecomputeBatchlet.class.getName());

  @Inject private ScoreSnapshots snapshots;
  @Inject private StepContext step;

  @Inject
  @BatchProperty(name = "tenants")
  private String tenants;

  @Inject
  @BatchProperty(name = "day")
  private String day;

  private volatile boolean stopped;

  @Override
  public String process() {
    LocalDate recorded =
        day == null || day.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(day);
    int done = 0;
    for (String tenant :
        tenants == null || tenants.isEmpty() ? new String[0] : tenants.split(",")) {
      if (stopped) {
        return BatchStatus.STOPPED.name();
      }
      try {
        if (snapshots.record(SystemCaller.RECOMPUTE, tenant, recorded)) {
          done++;
        }
      } catch (RuntimeException e) {
        String reason = RecomputeFailure.reason(e, tenant);
        step.setExitStatus(reason);
        LOG.log(Level.WARNING, "score recompute of " + recorded + ": " + reason, e);
        throw e;
      }
    }
    int recordedTenants = done;
    LOG.fine(() -> "score recompute of " + recorded + ": " + recordedTenants + " tenants recorded");
    return BatchStatus.COMPLETED.name();
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
