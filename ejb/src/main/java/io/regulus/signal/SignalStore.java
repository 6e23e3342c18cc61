package io.regulus.signal;

import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.TenantCaller;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

  /**
   * Appends a validated batch to the caller's tenant, received now, in one statement (each column
   * as an array, unnested by PostgreSQL): the batch's id.
   */
  @Internal("the signal and finding services append a batch they validated for their caller")
  public UUID append(TenantCaller caller, List<Signal> signals) {
    binding.bind(em, caller.tenant());
    UUID batch = UUID.randomUUID();
    int n = signals.size();
    String[] keys = new String[n];
    String[] resources = new String[n];
    String[] values = new String[n];
    String[] observed = new String[n];
    String[] sources = new String[n];
    String[] details = new String[n];
    for (int i = 0; i < n; i++) {
      Signal signal = signals.get(i);
      keys[i] = signal.key();
      resources[i] = signal.resource();
      values[i] = signal.value().toString();
      observed[i] = signal.observedAt().toString();
      sources[i] = signal.source();
      details[i] = signal.detail() == null ? null : signal.detail().toString();
    }
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO signal (key, resource, value, observed_at, received_at, source, batch_id,"
                + " detail) SELECT k, r, CAST(v AS jsonb), CAST(o AS timestamptz), ?, s, ?, CAST(d AS jsonb)"
                + " FROM unnest(?, ?, ?, ?, ?, ?) AS t (k, r, v, o, s, d)")) {
      insert.setTimestamp(1, Timestamp.from(Instant.now()));
      insert.setObject(2, batch);
      insert.setArray(3, connection.createArrayOf("varchar", keys));
      insert.setArray(4, connection.createArrayOf("varchar", resources));
      insert.setArray(5, connection.createArrayOf("text", values));
      // instants as ISO-8601 text with their Z: no time zone of this JVM or session comes in
      insert.setArray(6, connection.createArrayOf("text", observed));
      insert.setArray(7, connection.createArrayOf("varchar", sources));
      insert.setArray(8, connection.createArrayOf("text", details));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not store a batch of " + n + " signals in " + caller.slug(), e);
    }
    return batch;
  }
}
