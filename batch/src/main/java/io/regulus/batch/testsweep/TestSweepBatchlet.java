package io.regulus.batch.testsweep;

import io.regulus.access.SystemCaller;
import io.regulus.signal.TestSweeps;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sweeps each tenant of its partition, one transaction per tenant; a failure fails the partition,
 * its reason, naming the tenant, kept as the partition's exit status. A stop takes effect between
 * two tenants.
 */
@Named
@Dependent
public class TestSweepBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(TestSweepBatchlet.class.getName());

  @EJB private TestSweeps sweeps;
  @Inject private StepContext step;

  @Inject
  @BatchProperty(name = "tenants")
  private String tenants;

  private volatile boolean stopped;

  @Override
  public String process() {
    int instances = 0;
    int changed = 0;
    for (String tenant :
        tenants == null || tenants.isEmpty() ? new String[0] : tenants.split(",")) {
      if (stopped) {
        return BatchStatus.STOPPED.name();
      }
      try {
        var swept = sweeps.sweep(SystemCaller.SWEEP, tenant, Instant.now());
        if (swept.isPresent()) {
          instances += swept.get().instances();
          changed += swept.get().changed();
        }
      } catch (RuntimeException e) {
        String reason = "The sweep of tenant '" + tenant + "' failed: " + e.getMessage();
        step.setExitStatus(reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        LOG.log(Level.WARNING, reason, e);
        throw e;
      }
    }
    int total = instances;
    int moved = changed;
    LOG.fine(() -> "test sweep of " + tenants + ": " + total + " instances, " + moved + " changed");
    return BatchStatus.COMPLETED.name();
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
