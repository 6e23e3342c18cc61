package io.regulus.batch.reportbuild;

import io.regulus.access.SystemCaller;
import io.regulus.report.ReportBuilds;
import io.regulus.report.TenantBuild;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Builds the reports of the day of each tenant of its partition ({@code tenants}), or of every firm
 * ({@code firms} true), one transaction each; a failure fails the step (a restart builds its
 * tenants again, replacing what was built). What was skipped, and why, is the step's exit status
 * and a warning in the log. A stop takes effect between two tenants.
 */
@Named
@Dependent
public class ReportBuildBatchlet extends AbstractBatchlet {

  private static final Logger LOG = Logger.getLogger(ReportBuildBatchlet.class.getName());

  @Inject private ReportBuilds builds;
  @Inject private StepContext step;

  @Inject
  @BatchProperty(name = "tenants")
  private String tenants;

  @Inject
  @BatchProperty(name = "firms")
  private String firms;

  @Inject
  @BatchProperty(name = "day")
  private String day;

  private volatile boolean stopped;

  @Override
  public String process() {
    LocalDate built =
        day == null || day.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(day);
    boolean ofFirms = Boolean.parseBoolean(firms);
    List<String> owners =
        ofFirms
            ? builds.firms(SystemCaller.REPORTS)
            : tenants == null || tenants.isEmpty() ? List.of() : List.of(tenants.split(","));
    List<String> skipped = new ArrayList<>();
    int done = 0;
    long summaries = 0;
    long workbooks = 0;
    long start = System.nanoTime();
    for (String owner : owners) {
      if (stopped) {
        return "STOPPED";
      }
      if (ofFirms) {
        Optional<String> skip = builds.buildFirm(SystemCaller.REPORTS, owner, built);
        skip.ifPresent(skipped::add);
        done += skip.isEmpty() ? 1 : 0;
      } else {
        TenantBuild tenant = builds.buildTenant(SystemCaller.REPORTS, owner, built);
        if (tenant.built()) {
          done++;
          summaries += tenant.summaryNanos();
          workbooks += tenant.workbookNanos();
        } else {
          skipped.add(tenant.skipped());
        }
      }
    }
    String outcome =
        "BUILT " + done + (skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", skipped));
    if (!skipped.isEmpty()) {
      LOG.warning(() -> "report build of " + built + ": " + String.join("; ", skipped));
    }
    // one line per partition: the reports benchmark adds them up
    String line =
        String.format(
            "report build of %s: %d %s built in %d ms (summaries %d ms, workbooks %d ms), %d skipped",
            built,
            done,
            ofFirms ? "firms" : "tenants",
            (System.nanoTime() - start) / 1_000_000,
            summaries / 1_000_000,
            workbooks / 1_000_000,
            skipped.size());
    LOG.info(line);
    step.setExitStatus(outcome.length() > 2000 ? outcome.substring(0, 1997) + "..." : outcome);
    return "DONE";
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
