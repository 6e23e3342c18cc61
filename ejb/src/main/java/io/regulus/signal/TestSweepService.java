package io.regulus.signal;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.jobs.Jobs;
import io.regulus.jobs.TenantPartitions;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the {@code test-sweep} job and tells how a run goes: a tenant admin sweeps their tenant,
 * an operator every active tenant, and the nightly score recomputation sweeps every tenant before
 * it records the day's scores (its first step). A tenant's admins see only their own tenant's runs.
 * Sweeps may overlap: a tenant is swept in one transaction that locks its instances, so two sweeps
 * of one tenant run one after the other.
 */
@Stateless
@Guarded
public class TestSweepService {

  /** The job's name (its XML in the batch module). */
  public static final String JOB = "test-sweep";

  /** The parameter naming the one tenant a run sweeps; absent: every active tenant. */
  public static final String TENANT = "tenant";

  /** The parameter that marks the nightly run's sweep. */
  public static final String NIGHTLY = "nightly";

  private static final Logger LOG = Logger.getLogger(TestSweepService.class.getName());

  @EJB private Jobs jobs;
  @EJB private TenantRegistry registry;
  @Inject private Settings settings;

  /** Sweeps the caller's tenant now. */
  @Requires(Permission.SWEEP_TESTS)
  public TestSweep start(TenantCaller caller) {
    Properties parameters = new Properties();
    parameters.setProperty(TENANT, caller.slug().value());
    parameters.setProperty("partitions", "1");
    long execution = jobs.start(JOB, parameters);
    LOG.info(
        () ->
            "test sweep of "
                + caller.slug()
                + " started as execution "
                + execution
                + " by "
                + caller.id());
    return sweep(caller, execution);
  }

  /** Sweeps every active tenant now. */
  @Requires(Permission.OPERATE_PLATFORM)
  public TestSweep startAll(Caller caller) {
    long execution = jobs.start(JOB, everyTenant(false));
    LOG.info(() -> "test sweep of every tenant started as " + execution + " by " + caller.id());
    return sweep(caller, execution);
  }

  /** The nightly run's sweep of every active tenant; the execution's id. */
  @Requires(Permission.START_NIGHTLY_RECOMPUTE)
  public long startNightly(Caller caller) {
    long execution = jobs.start(JOB, everyTenant(true));
    LOG.info(() -> "nightly test sweep started as " + execution + " by " + caller.id());
    return execution;
  }

  /** The nightly run's sweep, for the nightly run that waits for it to end. */
  @Requires(Permission.START_NIGHTLY_RECOMPUTE)
  public TestSweep nightly(Caller caller, long executionId) {
    return run(executionId).filter(TestSweep::nightly).orElseThrow(() -> unknown(executionId));
  }

  /** A sweep of the caller's tenant; not found when the id is of no sweep of this tenant. */
  @Requires(Permission.SWEEP_TESTS)
  public TestSweep sweep(TenantCaller caller, long executionId) {
    return run(executionId)
        .filter(run -> caller.slug().value().equals(run.tenant()))
        .orElseThrow(() -> unknown(executionId));
  }

  /** Any sweep; not found when the id is of no sweep. */
  @Requires(Permission.OPERATE_PLATFORM)
  public TestSweep sweep(Caller caller, long executionId) {
    return run(executionId).orElseThrow(() -> unknown(executionId));
  }

  private Optional<TestSweep> run(long executionId) {
    return jobs.execution(executionId)
        .filter(found -> JOB.equals(found.jobName()))
        .map(
            execution ->
                new TestSweep(
                    executionId,
                    execution.parameters().getProperty(TENANT),
                    Boolean.parseBoolean(execution.parameters().getProperty(NIGHTLY)),
                    execution.status(),
                    failure(execution)));
  }

  private static String failure(Jobs.Execution execution) {
    String status = execution.status();
    if (!"FAILED".equals(status) && !"STOPPED".equals(status)) {
      return null;
    }
    String exit = execution.exitStatus();
    return exit != null && !exit.equals(status)
        ? exit
        : "The sweep ended " + status + " without saying why (the server's log has the cause).";
  }

  private Properties everyTenant(boolean nightly) {
    Properties parameters = new Properties();
    parameters.setProperty(
        "partitions",
        Integer.toString(
            TenantPartitions.partitions(
                registry.withStatus(TenantStatus.ACTIVE).size(),
                settings.recomputePartitionTenants())));
    if (nightly) {
      parameters.setProperty(NIGHTLY, "true");
    }
    return parameters;
  }

  private static DomainException unknown(long executionId) {
    return new DomainException(
        ProblemKind.NOT_FOUND,
        "There is no test sweep "
            + executionId
            + " here: its id is the one the start answered with.");
  }
}
