package io.regulus.batch.templatepush;

import io.regulus.access.SystemCaller;
import io.regulus.template.push.TemplatePushSteps;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/**
 * One partition per client of the push, read from the database in the push's order, so that a
 * restart maps the same partitions and re-runs only those that did not complete.
 */
@Named
@Dependent
public class TemplatePushPartitioner implements PartitionMapper {

  /** How many clients are delivered at once. */
  private static final int THREADS = 4;

  @Inject private JobContext job;
  @Inject private TemplatePushSteps steps;

  @Override
  public PartitionPlan mapPartitions() {
    List<String> clients = steps.clients(SystemCaller.TEMPLATE_PUSH, PushId.of(job));
    Properties[] partitions = new Properties[clients.size()];
    for (int i = 0; i < partitions.length; i++) {
      partitions[i] = new Properties();
      partitions[i].setProperty("tenant", clients.get(i));
    }
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(partitions.length);
    plan.setThreads(Math.max(1, Math.min(THREADS, partitions.length)));
    plan.setPartitionProperties(partitions);
    plan.setPartitionsOverride(false);
    return plan;
  }
}
