package io.regulus.signal;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import io.regulus.settings.Settings;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A tenant's signals: batches written by its machine clients, read by its members. A batch is
 * checked whole ({@link SignalBatchReader}) before anything of it is stored, then appended in one
 * statement.
 */
@Stateless
@Guarded
public class SignalService {

  private static final Logger LOG = Logger.getLogger(SignalService.class.getName());

  /** The prefix Keycloak gives a client's service account's username. */
  static final String SERVICE_ACCOUNT = "service-account-";

  private static final String COLUMNS =
      "id, key, CAST(value AS text) AS value, resource, observed_at, received_at, source,"
          + " batch_id, CAST(detail AS text) AS detail";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private Settings settings;
  @EJB private SignalStore store;

  /**
   * Stores a batch {@code {"signals":[...]}} sent by a machine client, whole or not at all; a
   * signal without a source gets the client's id.
   */
  @Requires(Permission.WRITE_SIGNALS)
  public SignalBatch ingest(TenantCaller caller, JsonValue body) {
    List<Signal> signals =
        new SignalBatchReader(SignalCatalog.builtIn(), settings.signalBatchMax())
            .read(body, clientId(caller), Instant.now());
    UUID batch = store.append(caller, signals);
    LOG.info(
        "signals: "
            + signals.size()
            + " stored in "
            + caller.slug()
            + " by "
            + caller.name()
            + " (batch "
            + batch
            + ")");
    return new SignalBatch(batch, signals.size());
  }

  /** A page of the tenant's signals, the latest observed first. */
  @Requires(Permission.READ_TENANT)
  public Page<StoredSignal> find(TenantCaller caller, SignalFilter filter, PageRequest page) {
    binding.bind(em, caller.tenant());
    StringBuilder where = new StringBuilder(" WHERE true");
    List<Object> parameters = new ArrayList<>();
    if (filter.key() != null) {
      parameters.add(filter.key());
      where.append(" AND key = ?").append(parameters.size());
    }
    if (filter.resource() != null) {
      parameters.add(filter.resource());
      where.append(" AND resource = ?").append(parameters.size());
    }
    if (filter.batch() != null) {
      parameters.add(filter.batch());
      where.append(" AND batch_id = ?").append(parameters.size());
    }
    if (filter.from() != null) {
      parameters.add(Timestamp.from(filter.from()));
      where.append(" AND observed_at >= ?").append(parameters.size());
    }
    if (filter.to() != null) {
      parameters.add(Timestamp.from(filter.to()));
      where.append(" AND observed_at < ?").append(parameters.size());
    }
    Query count = em.createNativeQuery("SELECT count(*) FROM signal" + where);
    Query rows =
        em.createNativeQuery(
            "SELECT "
                + COLUMNS
                + " FROM signal"
                + where
                + " ORDER BY observed_at DESC, id DESC LIMIT "
                + page.size()
                + " OFFSET "
                + page.offset());
    for (int i = 0; i < parameters.size(); i++) {
      count.setParameter(i + 1, parameters.get(i));
      rows.setParameter(i + 1, parameters.get(i));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    return new Page<>(signals(rows), page, total);
  }

  /** The latest signal of each resource of a key, by resource. */
  @Requires(Permission.READ_TENANT)
  public List<StoredSignal> latest(TenantCaller caller, String key) {
    binding.bind(em, caller.tenant());
    return signals(
        em.createNativeQuery(
                "SELECT DISTINCT ON (resource) "
                    + COLUMNS
                    + " FROM signal WHERE key = ?1 ORDER BY resource, observed_at DESC, id DESC")
            .setParameter(1, key));
  }

  /** The machine client a caller's token names, from its service account's username. */
  static String clientId(TenantCaller caller) {
    String name = caller.name();
    return name.startsWith(SERVICE_ACCOUNT) ? name.substring(SERVICE_ACCOUNT.length()) : name;
  }

  @SuppressWarnings("unchecked")
  private static List<StoredSignal> signals(Query query) {
    query.setHint("eclipselink.result-type", "Map");
    List<Map<String, Object>> rows = query.getResultList();
    return rows.stream().map(SignalService::signal).toList();
  }

  private static StoredSignal signal(Map<String, Object> row) {
    return new StoredSignal(
        ((Number) row.get("id")).longValue(),
        (String) row.get("key"),
        json((String) row.get("value")),
        (String) row.get("resource"),
        instant(row.get("observed_at")),
        instant(row.get("received_at")),
        (String) row.get("source"),
        row.get("batch_id") instanceof UUID id
            ? id
            : UUID.fromString(row.get("batch_id").toString()),
        row.get("detail") == null ? null : json((String) row.get("detail")).asJsonObject());
  }

  private static JsonValue json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime time) {
      return time.toInstant();
    }
    return (Instant) value;
  }
}
