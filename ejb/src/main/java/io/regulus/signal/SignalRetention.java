package io.regulus.signal;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.SystemCaller;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.settings.Settings;
import io.regulus.tenancy.Tenant;
import io.regulus.tenancy.TenantBinding;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Signals are kept REGULUS_SIGNAL_RETENTION_DAYS after they were observed: once a day ({@link
 * SignalRetentionTimer}, on every node: deleting twice deletes nothing more) or when an operator
 * asks, every active tenant's older signals are deleted, one tenant per transaction, by {@link
 * SystemCaller#SIGNAL_RETENTION}.
 */
@Stateless
@Guarded
public class SignalRetention {

  private static final Logger LOG = Logger.getLogger(SignalRetention.class.getName());

  /** What one pass deleted: signals observed before {@code before}, in how many tenants. */
  public record Pass(Instant before, int tenants, long deleted) {}

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private Settings settings;
  @Inject private AccessControl access;
  @EJB private TenantRegistry registry;
  @Resource private SessionContext context;

  /** A pass now, asked by an operator (the daily one runs by itself). */
  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Pass runNow(Caller caller) {
    return pass();
  }

  /** Deletes every active tenant's signals past retention. */
  @Internal("SignalRetentionTimer daily, and runNow for an operator")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Pass pass() {
    Instant before = Instant.now().minus(Duration.ofDays(settings.signalRetentionDays()));
    SignalRetention self = context.getBusinessObject(SignalRetention.class);
    int tenants = 0;
    long deleted = 0;
    for (Tenant tenant : registry.withStatus(TenantStatus.ACTIVE)) {
      try {
        deleted +=
            self.prune(access.enterTenant(SystemCaller.SIGNAL_RETENTION, tenant.slug()), before);
        tenants++;
      } catch (DomainException e) {
        // suspended or deleted since it was listed: its signals wait for the next pass
        LOG.fine(() -> "signal retention skipped " + tenant.slug() + ": " + e.detail());
      }
    }
    Pass pass = new Pass(before, tenants, deleted);
    LOG.info(
        "signal retention: "
            + deleted
            + " signals observed before "
            + before
            + " deleted in "
            + tenants
            + " tenants");
    return pass;
  }

  /** Deletes the tenant's signals observed before {@code before}: how many. */
  @Requires(Permission.PRUNE_SIGNALS)
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int prune(TenantCaller caller, Instant before) {
    binding.bind(em, caller.tenant());
    return em.createNativeQuery("DELETE FROM signal WHERE observed_at < ?1")
        .setParameter(1, Timestamp.from(before))
        .executeUpdate();
  }
}
