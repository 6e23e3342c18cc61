package io.regulus.batch.testsweep;

import io.regulus.access.SystemCaller;
import io.regulus.batch.TenantPartitionPlan;
import io.regulus.settings.Settings;
import io.regulus.signal.TestSweeps;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The tenant the run names, alone; or every active tenant in the run's partitions, as the score
 * recomputation makes them ({@link TenantPartitionPlan}), so that a restart runs only those that
 * did not complete.
 */
@Named
@Dependent
public class TestSweepPartitioner implements PartitionMapper {

  @EJB private TestSweeps sweeps;
  @Inject private Settings settings;

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  @Inject
  @BatchProperty(name = "tenant")
  private String tenant;

  @Override
  public PartitionPlan mapPartitions() {
    List<String> tenants =
        tenant == null || tenant.isBlank() ? sweeps.tenants(SystemCaller.SWEEP) : List.of(tenant);
    return TenantPartitionPlan.of(
        tenants,
        tenant == null || tenant.isBlank() ? partitions : "1",
        settings.recomputePartitionTenants(),
        settings.recomputeThreads());
  }
}
