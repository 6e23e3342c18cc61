package io.regulus.batch;

import io.regulus.jobs.TenantPartitions;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import java.util.List;
import java.util.Properties;

/**
 * The partition plan of a job over every active tenant (the score recomputation, the reports): each
 * partition's tenants as its {@code tenants} property, by {@link TenantPartitions}, so that a
 * restart maps every tenant to the partition it had and runs only those that did not complete. Each
 * partition is one step execution the job repository writes and updates, which is why a partition
 * takes many tenants rather than one.
 */
public final class TenantPartitionPlan {

  private TenantPartitionPlan() {}

  /**
   * The plan of {@code tenants} in {@code partitions} partitions (the run's parameter; when blank,
   * a run started before it was kept, decided now from {@code size} tenants a partition), run by at
   * most {@code threads} threads.
   */
  public static PartitionPlan of(List<String> tenants, String partitions, int size, int threads) {
    int count =
        partitions == null || partitions.isBlank()
            ? TenantPartitions.partitions(tenants.size(), size)
            : Integer.parseInt(partitions);
    List<List<String>> slices = TenantPartitions.slices(tenants, count);
    Properties[] properties = new Properties[count];
    for (int i = 0; i < count; i++) {
      properties[i] = new Properties();
      properties[i].setProperty("tenants", String.join(",", slices.get(i)));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(count);
    plan.setThreads(Math.min(threads, count));
    plan.setPartitionProperties(properties);
    plan.setPartitionsOverride(false);
    return plan;
  }
}
