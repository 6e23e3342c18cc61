package io.regulus.batch.scorerecompute;

import io.regulus.access.SystemCaller;
import io.regulus.signal.TestSweepService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;

/**
 * The nightly run's first step: starts the sweep of every tenant's automatic tests (job {@code
 * test-sweep}, as the schedule's caller) and waits for it to end, so that the scores recorded next
 * count the test statuses the day's signals gave. The sweep stays a job of its own (one set of
 * partitions, startable alone, followed in the job management); a sweep that fails leaves the
 * scores to be recorded as they are, and the step's exit status says so. A run started by hand
 * sweeps nothing.
 */
@Named
@Dependent
public class NightlySweepBatchlet extends AbstractBatchlet {

  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
  private static final long POLL_MILLIS = 1000;

  @EJB private TestSweepService sweeps;

  @Inject
  @BatchProperty(name = "nightly")
  private String nightly;

  private volatile boolean stopped;

  @Override
  public String process() throws InterruptedException {
    if (!Boolean.parseBoolean(nightly)) {
      return "no sweep: a run started by hand records the scores as they are";
    }
    long execution = sweeps.startNightly(SystemCaller.SCHEDULE);
    String status = sweeps.nightly(SystemCaller.SCHEDULE, execution).status();
    while (!ENDED.contains(status)) {
      if (stopped) {
        return BatchStatus.STOPPED.name();
      }
      Thread.sleep(POLL_MILLIS);
      status = sweeps.nightly(SystemCaller.SCHEDULE, execution).status();
    }
    return "test sweep " + execution + " " + status;
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
