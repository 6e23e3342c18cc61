package io.regulus.batch.reportbuild;

import io.regulus.access.SystemCaller;
import io.regulus.report.ReportBuilds;
import io.regulus.settings.Settings;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/**
 * The active tenants, {@link #TENANTS} to a partition (as the score recomputation maps them, for
 * the same reason: each partition costs the job repository a few rows), run in {@code
 * REGULUS_REPORT_THREADS} threads.
 */
@Named
@Dependent
public class ReportBuildPartitioner implements PartitionMapper {

  /** How many tenants one partition builds. */
  static final int TENANTS = 50;

  @Inject private ReportBuilds builds;
  @Inject private Settings settings;

  @Override
  public PartitionPlan mapPartitions() {
    List<String> tenants = builds.tenants(SystemCaller.REPORTS);
    int count = Math.max(1, (tenants.size() + TENANTS - 1) / TENANTS);
    Properties[] partitions = new Properties[count];
    for (int i = 0; i < count; i++) {
      partitions[i] = new Properties();
      partitions[i].setProperty(
          "tenants",
          String.join(
              ",",
              tenants.subList(
                  Math.min(i * TENANTS, tenants.size()),
                  Math.min((i + 1) * TENANTS, tenants.size()))));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(count);
    plan.setThreads(Math.min(settings.reportThreads(), count));
    plan.setPartitionProperties(partitions);
    plan.setPartitionsOverride(false);
    return plan;
  }
}
