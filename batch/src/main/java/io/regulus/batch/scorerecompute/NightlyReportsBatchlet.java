package io.regulus.batch.scorerecompute;

import io.regulus.access.SystemCaller;
import io.regulus.report.ReportBuildService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;

/**
 * The nightly run's last step: starts the reports of the day whose scores it recorded, as the
 * schedule's caller; its exit status names the reports' run.
 */
@Named
@Dependent
public class NightlyReportsBatchlet extends AbstractBatchlet {

  @EJB private ReportBuildService reports;

  @Inject
  @BatchProperty(name = "day")
  private String day;

  @Override
  public String process() {
    long execution = reports.startNightly(SystemCaller.SCHEDULE, LocalDate.parse(day));
    return "reports started as execution " + execution;
  }
}
