package io.regulus.tenancy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry as every tenant request reads it (status and firm), read at most once per {@link
 * #FRESH_NANOS} per tenant and node instead of in a transaction of its own per request. This node's
 * own changes of a registration (registered, activated, suspended, resumed, deleted, discarded) are
 * seen at once: {@link TenantRegistry} drops the kept entry when they commit. Another node's are
 * seen within a second.
 */
@ApplicationScoped
public class TenantLookup {

  /** How long a registration read stays in use: one second. */
  static final long FRESH_NANOS = 1_000_000_000L;

  /**
   * How many slugs are kept, the least recently used going first (unknown ones too, so bounded).
   */
  private static final int KEPT = 1024;

  private record Read(Optional<TenantAccess> access, long at) {}

  @EJB private TenantRegistry registry;
  @Resource private TransactionSynchronizationRegistry transactions;

  private final Map<TenantSlug, Read> reads =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<TenantSlug, Read> eldest) {
              return size() > KEPT;
            }
          });

  /**
   * Moves on whenever an entry is dropped: a read that started before is not kept (it may be the
   * old value).
   */
  private final AtomicLong forgets = new AtomicLong();

  public Optional<TenantAccess> find(TenantSlug slug) {
    long now = System.nanoTime();
    Read kept = reads.get(slug);
    if (kept != null && now - kept.at() < FRESH_NANOS) {
      return kept.access();
    }
    long generation = forgets.get();
    Optional<TenantAccess> access = registry.find(slug).map(Tenant::access);
    synchronized (reads) {
      if (forgets.get() == generation) {
        reads.put(slug, new Read(access, now));
      }
    }
    return access;
  }

  /**
   * Drops what is kept of the tenant now and again when the current transaction ends, so no request
   * reads the registration as it was before a change this transaction makes.
   */
  public void forget(TenantSlug slug) {
    drop(slug);
    if (transactions.getTransactionKey() != null) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              drop(slug);
            }
          });
    }
  }

  private void drop(TenantSlug slug) {
    synchronized (reads) {
      forgets.incrementAndGet();
      reads.remove(slug);
    }
  }
}
