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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The active tenants, at most {@link #TENANTS} to a partition: each partition is one step execution
 * the job repository writes and updates, so a partition per tenant would cost the repository more
 * than the scores of a small tenant; fifty keep its writes to a few dozen rows a thousand tenants,
 * while still spreading them over the threads ({@code REGULUS_RECOMPUTE_THREADS}). The partitions
 * are as many as make a multiple of the threads, the tenants spread evenly among them ({@link
 * #slices}), so that no thread runs a last partition alone while the others have finished.
 */
@Named
@Dependent
public class ScoreRecomputePartitioner implements PartitionMapper {

  /** How many tenants one partition records at most. */
  static final int TENANTS = 50;

  @Inject private ScoreSnapshots snapshots;
  @Inject private Settings settings;

  @Override
  public PartitionPlan mapPartitions() {
    List<List<String>> slices =
        slices(snapshots.tenants(SystemCaller.RECOMPUTE), settings.recomputeThreads());
    int count = slices.size();
    Properties[] partitions = new Properties[count];
    for (int i = 0; i < count; i++) {
      partitions[i] = new Properties();
      partitions[i].setProperty("tenants", String.join(",", slices.get(i)));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(count);
    plan.setThreads(Math.min(settings.recomputeThreads(), count));
    plan.setPartitionProperties(partitions);
    plan.setPartitionsOverride(false);
    return plan;
  }

  /**
   * The tenants of each partition, in their order: the fewest partitions of at most {@link
   * #TENANTS} rounded up to a multiple of the threads (or of the tenants, when fewer), their sizes
   * differing by one at most. 250 tenants on 4 threads are 8 partitions of 31 or 32, not 5 of 50
   * (the fifth running alone); none is empty unless there is no tenant (one empty partition).
   */
  public static List<List<String>> slices(List<String> tenants, int threads) {
    int fewest = Math.max(1, (tenants.size() + TENANTS - 1) / TENANTS);
    int round = Math.max(1, Math.min(threads, tenants.size()));
    int count = (fewest + round - 1) / round * round;
    List<List<String>> slices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slices.add(tenants.subList(i * tenants.size() / count, (i + 1) * tenants.size() / count));
    }
    return slices;
  }
}
