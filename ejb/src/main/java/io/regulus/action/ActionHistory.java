package io.regulus.action;

import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The history of a tenant's action instances: one row per changed field (old value, new value, who,
 * when), kept after the instance is gone. Every writer of an instance or of its evidence records
 * its changes here.
 */
@ApplicationScoped
public class ActionHistory {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private Event<ActionChanged> changed;

  /** Who made a change: their Keycloak id and display name. */
  public record Who(String id, String name) {}

  /**
   * Records one field's change, and tells its observers ({@link ActionChanged}) in the same
   * transaction; nothing when the value did not change.
   */
  public void record(
      ActiveTenant tenant,
      ActionInstance instance,
      String field,
      Object before,
      Object after,
      Who who) {
    if (Objects.equals(text(before), text(after))) {
      return;
    }
    binding.bind(em, tenant);
    em.createNativeQuery(
            "INSERT INTO action_history (instance_id, action_key, group_id, field, old_value, new_value, changed_by,"
                + " changed_by_name, changed_at) VALUES (?1, ?2, CAST(?3 AS bigint), ?4, ?5, ?6, ?7, ?8, now())")
        .setParameter(1, instance.id())
        .setParameter(2, instance.key())
        .setParameter(3, instance.groupId())
        .setParameter(4, field)
        .setParameter(5, text(before))
        .setParameter(6, text(after))
        .setParameter(7, who.id())
        .setParameter(8, who.name())
        .executeUpdate();
    changed.fire(new ActionChanged(tenant, instance, field, text(before), text(after), who));
  }

  /** The changes of one instance, oldest first. */
  public List<ActionChange> of(ActiveTenant tenant, long instanceId) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT field, old_value, new_value, changed_by, changed_by_name, changed_at FROM action_history"
                        + " WHERE instance_id = ?1 ORDER BY changed_at, id")
                .setParameter(1, instanceId)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                row ->
                    new ActionChange(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        ((java.sql.Timestamp) row[5]).toInstant()))
            .toList();
  }

  /** The tenant's newest changes first, older than {@code before} (an entry id) when given. */
  public List<ActivityEntry> recent(ActiveTenant tenant, Long before, int limit) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT id, instance_id, action_key, group_id, field, old_value, new_value, changed_by, changed_by_name,"
                        + " changed_at FROM action_history WHERE (CAST(?1 AS bigint) IS NULL OR id < CAST(?1 AS bigint))"
                        + " ORDER BY changed_at DESC, id DESC LIMIT ?2")
                .setParameter(1, before)
                .setParameter(2, limit)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                row ->
                    new ActivityEntry(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        (String) row[2],
                        row[3] == null ? null : ((Number) row[3]).longValue(),
                        (String) row[4],
                        (String) row[5],
                        (String) row[6],
                        (String) row[7],
                        (String) row[8],
                        ((java.sql.Timestamp) row[9]).toInstant()))
            .toList();
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    return value == null ? null : value.toString();
  }
}
