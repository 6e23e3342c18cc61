package io.regulus.notification;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.SystemCaller;
import io.regulus.access.TenantCaller;
import io.regulus.tenancy.Tenant;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily digest (docs/notifications.md): first every active tenant is looked at by each {@link
 * NoticeScan} (due soon, overdue, expiring evidence: each notice once per action and day), one
 * tenant and scan per transaction, as {@link SystemCaller#DIGEST}; then each person with waiting
 * notices gets one mail in the outbox ({@link Digests#digest}). The scan is a step of the digest
 * rather than a partitioned batch job: it is one indexed query per tenant, it must end before the
 * digest it feeds, and a second run of a day posts nothing twice, so a failed run is simply run
 * again.
 */
@Stateless
@Guarded
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DigestService {

  private static final Logger LOG = Logger.getLogger(DigestService.class.getName());

  @EJB private Digests digests;
  @EJB private TenantRegistry registry;
  @Inject private AccessControl access;
  @Inject @Any private Instance<NoticeScan> scans;

  /** Runs the digest now, for whatever is waiting (an operator's, or a test's). */
  @Requires(Permission.OPERATE_PLATFORM)
  public DigestRun run(Caller caller) {
    return runNow(caller);
  }

  /**
   * The schedule's run of today: runs it when this node claims the day, else nothing (another node
   * ran it, or this one already did).
   */
  @Requires(Permission.SEND_DIGESTS)
  public Optional<DigestRun> runToday(Caller caller) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (!digests.claim(today)) {
      LOG.info(() -> "daily digest of " + today + " claimed already: nothing to do");
      return Optional.empty();
    }
    return Optional.of(runNow(caller));
  }

  private DigestRun runNow(Caller caller) {
    Instant now = Instant.now();
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<String> tenants =
        registry.withStatus(TenantStatus.ACTIVE).stream()
            .map(Tenant::slug)
            .map(slug -> slug.value())
            .sorted(Comparator.naturalOrder())
            .toList();
    int failed = 0;
    int posted = 0;
    for (String slug : tenants) {
      try {
        TenantCaller tenant = access.enterTenant(SystemCaller.DIGEST, slug);
        for (NoticeScan scan : scans) {
          posted += scan.scan(tenant, now);
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.log(Level.WARNING, "the digest's scan of tenant " + slug + " failed", e);
      }
    }
    int queued = 0;
    int carried = 0;
    int dropped = 0;
    for (String userId : digests.waiting(now)) {
      try {
        Digests.Outcome outcome = digests.digest(userId, now, day);
        queued += outcome.queued() ? 1 : 0;
        carried += outcome.carried();
        dropped += outcome.dropped();
      } catch (RuntimeException e) {
        // rolled back: the person's notices wait for the next run
        LOG.log(Level.WARNING, "the digest of user " + userId + " failed", e);
      }
    }
    DigestRun run = new DigestRun(day, tenants.size(), failed, posted, queued, carried, dropped);
    LOG.info(() -> "digest of " + day + " by " + caller.id() + ": " + run);
    return run;
  }
}
