package io.regulus.alert;

import io.regulus.access.TenantRole;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A tenant's alert policies (table {@code alert_policy}). */
@ApplicationScoped
public class AlertPolicyRepository {

  private static final String SELECT =
      "SELECT id, name, event_kind, severity, threshold, threshold_unit, direction,"
          + " array_to_string(to_values, ','), scope_kind, scope_assessment_id, scope_category,"
          + " scope_action_id, enabled, array_to_string(recipient_roles, ','), notify_assignee,"
          + " notify_tester, updated_at, updated_by FROM alert_policy";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** Every policy of the tenant, by name. */
  public List<AlertPolicy> all(ActiveTenant tenant) {
    binding.bind(em, tenant);
    return rows(em.createNativeQuery(SELECT + " ORDER BY lower(name), id").getResultList());
  }

  public Optional<AlertPolicy> find(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return rows(em.createNativeQuery(SELECT + " WHERE id = ?1").setParameter(1, id).getResultList())
        .stream()
        .findFirst();
  }

  /** Keeps a new policy; its id. */
  public long insert(ActiveTenant tenant, AlertPolicy policy) {
    binding.bind(em, tenant);
    Query insert =
        em.createNativeQuery(
            "INSERT INTO alert_policy (name, event_kind, severity, threshold, threshold_unit, direction,"
                + " to_values, scope_kind, scope_assessment_id, scope_category, scope_action_id, enabled,"
                + " recipient_roles, notify_assignee, notify_tester, updated_at, updated_by) VALUES"
                + " (?1, ?2, ?3, CAST(?4 AS numeric), ?5, ?6, string_to_array(?7, ','), ?8,"
                + " CAST(?9 AS bigint), ?10, CAST(?11 AS bigint), ?12, string_to_array(?13, ','), ?14,"
                + " ?15, ?16, ?17) RETURNING id");
    return ((Number) values(insert, policy).getSingleResult()).longValue();
  }

  /** Writes the policy over the one of its id; false when there is none. */
  public boolean update(ActiveTenant tenant, AlertPolicy policy) {
    binding.bind(em, tenant);
    Query update =
        em.createNativeQuery(
            "UPDATE alert_policy SET name = ?1, event_kind = ?2, severity = ?3,"
                + " threshold = CAST(?4 AS numeric), threshold_unit = ?5, direction = ?6,"
                + " to_values = string_to_array(?7, ','), scope_kind = ?8,"
                + " scope_assessment_id = CAST(?9 AS bigint), scope_category = ?10,"
                + " scope_action_id = CAST(?11 AS bigint), enabled = ?12,"
                + " recipient_roles = string_to_array(?13, ','), notify_assignee = ?14,"
                + " notify_tester = ?15, updated_at = ?16, updated_by = ?17 WHERE id = ?18");
    return values(update, policy).setParameter(18, policy.id()).executeUpdate() == 1;
  }

  public boolean delete(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return em.createNativeQuery("DELETE FROM alert_policy WHERE id = ?1")
            .setParameter(1, id)
            .executeUpdate()
        == 1;
  }

  /** Whether the tenant has this assessment (a scope names only the tenant's own). */
  public boolean assessmentExists(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return !em.createNativeQuery("SELECT 1 FROM assessment WHERE id = ?1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  /** Whether the tenant has this action instance. */
  public boolean actionExists(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return !em.createNativeQuery("SELECT 1 FROM action_instance WHERE id = ?1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  private static Query values(Query query, AlertPolicy policy) {
    PolicyScope scope = policy.scope();
    return query
        .setParameter(1, policy.name())
        .setParameter(2, policy.kind().name())
        .setParameter(3, policy.severity().name())
        .setParameter(4, policy.threshold())
        .setParameter(5, policy.unit() == null ? null : policy.unit().name())
        .setParameter(6, policy.direction() == null ? null : policy.direction().name())
        .setParameter(7, String.join(",", policy.toValues()))
        .setParameter(8, scope.kind().name())
        .setParameter(9, scope.assessmentId())
        .setParameter(10, scope.category())
        .setParameter(11, scope.actionId())
        .setParameter(12, policy.enabled())
        .setParameter(
            13,
            policy.recipientRoles().stream().map(TenantRole::id).collect(Collectors.joining(",")))
        .setParameter(14, policy.notifyAssignee())
        .setParameter(15, policy.notifyTester())
        .setParameter(16, Timestamp.from(policy.updatedAt()))
        .setParameter(17, policy.updatedBy());
  }

  private static List<AlertPolicy> rows(List<?> rows) {
    return rows.stream().map(Object[].class::cast).map(AlertPolicyRepository::policy).toList();
  }

  private static AlertPolicy policy(Object[] row) {
    return new AlertPolicy(
        ((Number) row[0]).longValue(),
        (String) row[1],
        AlertKind.valueOf((String) row[2]),
        Severity.valueOf((String) row[3]),
        (BigDecimal) row[4],
        row[5] == null ? null : ThresholdUnit.valueOf((String) row[5]),
        row[6] == null ? null : ScoreDirection.valueOf((String) row[6]),
        split(row[7]),
        new PolicyScope(
            PolicyScope.Kind.valueOf((String) row[8]),
            row[9] == null ? null : ((Number) row[9]).longValue(),
            (String) row[10],
            row[11] == null ? null : ((Number) row[11]).longValue()),
        Boolean.TRUE.equals(row[12]),
        split(row[13]).stream()
            .map(id -> TenantRole.fromId(id).orElseThrow())
            .collect(Collectors.toSet()),
        Boolean.TRUE.equals(row[14]),
        Boolean.TRUE.equals(row[15]),
        ((Timestamp) row[16]).toInstant(),
        (String) row[17]);
  }

  private static Set<String> split(Object joined) {
    return joined == null || ((String) joined).isEmpty()
        ? Set.of()
        : Set.copyOf(Arrays.asList(((String) joined).split(",")));
  }
}
