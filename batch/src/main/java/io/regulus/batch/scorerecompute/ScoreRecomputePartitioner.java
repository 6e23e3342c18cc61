package io.regulus.batch.scorerecompute;

import io.regulus.access.SystemCaller;
import io.regulus.batch.TenantPartitionPlan;
import io.regulus.history.ScoreSnapshots;
import io.regulus.jobs.TenantPartitions;
import io.regulus.settings.Settings;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The active tenants in the run's partitions ({@link TenantPartitions}): their number comes from
 * the job's parameters, decided when the run started, so that a restart maps every tenant to the
 * partition it had and runs only those that did not complete. Each partition is one step execution
 * the job repository writes and updates, so a partition per tenant would cost the repository more
 * than the scores of a small tenant; fifty to a partition ({@code
 * REGULUS_RECOMPUTE_PARTITION_TENANTS}) keep its writes to a few dozen rows a thousand tenants,
 * while still spreading them over the threads ({@code REGULUS_RECOMPUTE_THREADS}).
 */
@Named
@Dependent
public class ScoreRecomputePartitioner implements PartitionMapper {

  @Inject private ScoreSnapshots snapshots;
  @Inject private Settings settings;

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  @Override
  public PartitionPlan mapPartitions() {
    return TenantPartitionPlan.of(
        snapshots.tenants(SystemCaller.RECOMPUTE),
        partitions,
        settings.recomputePartitionTenants(),
        settings.recomputeThreads());
  }
}
