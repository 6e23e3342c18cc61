package io.regulus.batch.scorerecompute;

import io.regulus.access.SystemCaller;
import io.regulus.history.ScoreSnapshots;
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
 * The active tenants, {@link #TENANTS} to a partition: each partition is one step execution the job
 * repository writes and updates, so a partition per tenant would cost the repository more than the
 * scores of a small tenant; fifty keep its writes to a few dozen rows a thousand tenants, while
 * still spreading them over the threads ({@code REGULUS_RECOMPUTE_THREADS}).
 */
@Named
@Dependent
public class ScoreRecomputePartitioner implements PartitionMapper {

  /** How many tenants one partition records. */
  static final int TENANTS = 50;

  @Inject private ScoreSnapshots snapshots;
  @Inject private Settings settings;

  @Override
  public PartitionPlan mapPartitions() {
    List<String> tenants = snapshots.tenants(SystemCaller.RECOMPUTE);
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
    plan.setThreads(Math.min(settings.recomputeThreads(), count));
    plan.setPartitionProperties(partitions);
    plan.setPartitionsOverride(false);
    return plan;
  }
}
