package io.regulus.signal;

import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.TenantCaller;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a tenant's signals are kept (tenant table {@code signal}). Every way in (a machine client's
 * batch, a scanner's findings) validates its whole batch first and then appends it here in the
 * caller's transaction, so a batch is stored whole or not at all.
 */
@Stateless
@Guarded
public class SignalStore {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** Appends a validated batch to the caller's tenant, received now; the batch's id. */
  @Internal("the signal and finding services append a batch they validated for their caller")
  public UUID append(TenantCaller caller, List<Signal> signals) {
    binding.bind(em, caller.tenant());
    UUID batch = UUID.randomUUID();
    Timestamp received = Timestamp.from(Instant.now());
    for (Signal signal : signals) {
      em.createNativeQuery(
              "INSERT INTO signal (key, resource, value, observed_at, received_at, source, batch_id,"
                  + " detail) VALUES (?1, ?2, CAST(?3 AS jsonb), ?4, ?5, ?6, CAST(?7 AS uuid),"
                  + " CAST(?8 AS jsonb))")
          .setParameter(1, signal.key())
          .setParameter(2, signal.resource())
          .setParameter(3, signal.value().toString())
          .setParameter(4, Timestamp.from(signal.observedAt()))
          .setParameter(5, received)
          .setParameter(6, signal.source())
          .setParameter(7, batch.toString())
          .setParameter(8, signal.detail() == null ? null : signal.detail().toString())
          .executeUpdate();
    }
    return batch;
  }
}
