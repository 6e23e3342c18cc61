package io.regulus.batch.reportbuild;

import io.regulus.access.SystemCaller;
import io.regulus.batch.TenantPartitionPlan;
import io.regulus.report.ReportBuildService;
import io.regulus.report.ReportBuilds;
import io.regulus.settings.Settings;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The active tenants in the run's partitions, as the score recomputation maps them ({@link
 * TenantPartitionPlan}, {@link #TENANTS} to a partition on average, for the same reason: each
 * partition costs the job repository a few rows), run in {@code REGULUS_REPORT_THREADS} threads.
 */
@Named
@Dependent
public class ReportBuildPartitioner implements PartitionMapper {

  /** How many tenants one partition builds, on average. */
  static final int TENANTS = ReportBuildService.PARTITION_TENANTS;

  @Inject private ReportBuilds builds;
  @Inject private Settings settings;

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  @Override
  public PartitionPlan mapPartitions() {
    return TenantPartitionPlan.of(
        builds.tenants(SystemCaller.REPORTS), partitions, TENANTS, settings.reportThreads());
  }
}
