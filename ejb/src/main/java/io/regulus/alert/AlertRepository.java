package io.regulus.alert;

import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's alerts and their status changes (tables {@code alert}, {@code alert_status_change}).
 */
@ApplicationScoped
public class AlertRepository {

  private static final String SELECT =
      "SELECT id, policy_id, policy_name, kind, severity, summary, instance_id, action_key, scope_label,"
          + " old_value, new_value, raised_at, raised_by, status, status_changed_by, status_changed_by_name,"
          + " status_changed_at, status_comment FROM alert";

  private static final String FILTER =
      " WHERE (CAST(?1 AS text) IS NULL OR status = ?1) AND (CAST(?2 AS text) IS NULL OR severity = ?2)";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** An alert to keep, as its policy raised it. */
  public record Raised(
      AlertPolicy policy,
      String summary,
      Long instanceId,
      String actionKey,
      String scopeLabel,
      String oldValue,
      String newValue,
      LocalDate scoreDay,
      Long evidenceId,
      Instant raisedAt,
      String raisedBy) {}

  /**
   * Keeps the alert; its id, or empty when the policy raised it already (a score change of that
   * day, the expiry of that evidence).
   */
  public Optional<Long> raise(ActiveTenant tenant, Raised raised) {
    binding.bind(em, tenant);
    List<?> id =
        em.createNativeQuery(
                "INSERT INTO alert (policy_id, policy_name, kind, severity, summary, instance_id, action_key,"
                    + " scope_label, old_value, new_value, score_day, evidence_id, raised_at, raised_by)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS bigint), ?7, ?8, ?9, ?10, CAST(?11 AS date),"
                    + " CAST(?12 AS bigint), ?13, ?14) ON CONFLICT DO NOTHING RETURNING id")
            .setParameter(1, raised.policy().id())
            .setParameter(2, raised.policy().name())
            .setParameter(3, raised.policy().kind().name())
            .setParameter(4, raised.policy().severity().name())
            .setParameter(5, raised.summary())
            .setParameter(6, raised.instanceId())
            .setParameter(7, raised.actionKey())
            .setParameter(8, raised.scopeLabel())
            .setParameter(9, raised.oldValue())
            .setParameter(10, raised.newValue())
            .setParameter(11, raised.scoreDay() == null ? null : Date.valueOf(raised.scoreDay()))
            .setParameter(12, raised.evidenceId())
            .setParameter(13, Timestamp.from(raised.raisedAt()))
            .setParameter(14, raised.raisedBy())
            .getResultList();
    return id.stream().map(n -> ((Number) n).longValue()).findFirst();
  }

  /** One page of the alerts, newest first, of a status and a severity when given. */
  public Page<Alert> page(
      ActiveTenant tenant, AlertStatus status, Severity severity, PageRequest request) {
    binding.bind(em, tenant);
    String statusName = status == null ? null : status.name();
    String severityName = severity == null ? null : severity.name();
    long total =
        ((Number)
                em.createNativeQuery("SELECT count(*) FROM alert" + FILTER)
                    .setParameter(1, statusName)
                    .setParameter(2, severityName)
                    .getSingleResult())
            .longValue();
    List<Alert> items =
        rows(
            em.createNativeQuery(
                    SELECT + FILTER + " ORDER BY raised_at DESC, id DESC LIMIT ?3 OFFSET ?4")
                .setParameter(1, statusName)
                .setParameter(2, severityName)
                .setParameter(3, request.size())
                .setParameter(4, request.offset())
                .getResultList());
    return new Page<>(items, request, total);
  }

  public Optional<Alert> find(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return rows(em.createNativeQuery(SELECT + " WHERE id = ?1").setParameter(1, id).getResultList())
        .stream()
        .findFirst();
  }

  /** Locks the alert's row until the transaction ends, then reads it: status changes queue here. */
  public Optional<Alert> lock(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    if (em.createNativeQuery("SELECT id FROM alert WHERE id = ?1 FOR UPDATE")
        .setParameter(1, id)
        .getResultList()
        .isEmpty()) {
      return Optional.empty();
    }
    return find(tenant, id);
  }

  /** Moves the alert to {@code to} and keeps the change in its history. */
  public void changeStatus(
      ActiveTenant tenant,
      Alert alert,
      AlertStatus to,
      String comment,
      String by,
      String byName,
      Instant at) {
    binding.bind(em, tenant);
    em.createNativeQuery(
            "UPDATE alert SET status = ?2, status_changed_by = ?3, status_changed_by_name = ?4,"
                + " status_changed_at = ?5, status_comment = ?6 WHERE id = ?1")
        .setParameter(1, alert.id())
        .setParameter(2, to.name())
        .setParameter(3, by)
        .setParameter(4, byName)
        .setParameter(5, Timestamp.from(at))
        .setParameter(6, comment)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO alert_status_change (alert_id, old_status, new_status, comment, changed_by,"
                + " changed_by_name, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, alert.id())
        .setParameter(2, alert.status().name())
        .setParameter(3, to.name())
        .setParameter(4, comment)
        .setParameter(5, by)
        .setParameter(6, byName)
        .setParameter(7, Timestamp.from(at))
        .executeUpdate();
  }

  /** The alert's status changes, oldest first. */
  public List<AlertStatusChange> history(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT old_status, new_status, comment, changed_by, changed_by_name, changed_at"
                        + " FROM alert_status_change WHERE alert_id = ?1 ORDER BY changed_at, id")
                .setParameter(1, id)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                row ->
                    new AlertStatusChange(
                        AlertStatus.valueOf((String) row[0]),
                        AlertStatus.valueOf((String) row[1]),
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        ((Timestamp) row[5]).toInstant()))
            .toList();
  }

  /** A line of a day's score snapshot: its label and score. */
  public record SnapshotLine(String label, PolicyMatch.ScoreLine score) {}

  /**
   * The lines that policies watch (tenant, assessments, categories) of the tenant's snapshots of
   * {@code day} and the day before, in one read: by day, then by {@code KIND:scope_key}; a day
   * without a snapshot has no entry.
   */
  public java.util.Map<LocalDate, java.util.Map<String, SnapshotLine>> snapshots(
      ActiveTenant tenant, LocalDate day) {
    binding.bind(em, tenant);
    java.util.Map<LocalDate, java.util.Map<String, SnapshotLine>> days = new java.util.HashMap<>();
    for (Object found :
        em.createNativeQuery(
                "SELECT day, kind, scope_key, label, achieved, possible FROM score_snapshot"
                    + " WHERE day IN (?1, ?2) AND kind IN ('TENANT', 'ASSESSMENT', 'CATEGORY')")
            .setParameter(1, Date.valueOf(day.minusDays(1)))
            .setParameter(2, Date.valueOf(day))
            .getResultList()) {
      Object[] row = (Object[]) found;
      days.computeIfAbsent(((Date) row[0]).toLocalDate(), d -> new java.util.HashMap<>())
          .put(
              row[1] + ":" + row[2],
              new SnapshotLine(
                  (String) row[3],
                  new PolicyMatch.ScoreLine(
                      ((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue())));
    }
    return days;
  }

  /** A piece of evidence whose validity ends soon, with what scopes and recipients need. */
  public record Expiring(
      long evidenceId,
      String evidence,
      LocalDate validUntil,
      long instanceId,
      String actionKey,
      String category,
      List<Long> assessments,
      String assigneeId,
      String testerId) {}

  /** The evidence whose validity ends from {@code from} to {@code until}, both included. */
  public List<Expiring> expiring(ActiveTenant tenant, LocalDate from, LocalDate until) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT e.id, coalesce(e.title, e.file_name, e.url), e.valid_until, i.id, a.action_key,"
                        + " a.category, i.needed_by_assessments, i.assignee_id, i.tester_id FROM evidence e"
                        + " JOIN action_instance i ON i.id = e.instance_id JOIN action a ON a.id = i.action_id"
                        + " WHERE e.valid_until BETWEEN ?1 AND ?2 ORDER BY e.valid_until, e.id")
                .setParameter(1, Date.valueOf(from))
                .setParameter(2, Date.valueOf(until))
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                row ->
                    new Expiring(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        ((Date) row[2]).toLocalDate(),
                        ((Number) row[3]).longValue(),
                        (String) row[4],
                        (String) row[5],
                        row[6] == null
                            ? List.of()
                            : java.util.Arrays.stream(((String) row[6]).split(","))
                                .map(Long::valueOf)
                                .toList(),
                        (String) row[7],
                        (String) row[8]))
            .toList();
  }

  /** Who an action instance is assigned to now (Keycloak ids, each may be null). */
  public record Assigned(String assigneeId, String testerId) {}

  public Assigned assigned(ActiveTenant tenant, long instanceId) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery("SELECT assignee_id, tester_id FROM action_instance WHERE id = ?1")
                .setParameter(1, instanceId)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(row -> new Assigned((String) row[0], (String) row[1]))
            .findFirst()
            .orElse(new Assigned(null, null));
  }

  private static List<Alert> rows(List<?> rows) {
    return rows.stream().map(Object[].class::cast).map(AlertRepository::alert).toList();
  }

  private static Alert alert(Object[] row) {
    return new Alert(
        ((Number) row[0]).longValue(),
        row[1] == null ? null : ((Number) row[1]).longValue(),
        (String) row[2],
        AlertKind.valueOf((String) row[3]),
        Severity.valueOf((String) row[4]),
        (String) row[5],
        row[6] == null ? null : ((Number) row[6]).longValue(),
        (String) row[7],
        (String) row[8],
        (String) row[9],
        (String) row[10],
        ((Timestamp) row[11]).toInstant(),
        (String) row[12],
        AlertStatus.valueOf((String) row[13]),
        (String) row[14],
        (String) row[15],
        row[16] == null ? null : ((Timestamp) row[16]).toInstant(),
        (String) row[17]);
  }
}
