package io.regulus.action;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.Fingerprint;
import io.regulus.scoring.FingerprintCache;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.ManagedBy;
import io.regulus.scoring.ScoringRepository;
import io.regulus.scoring.TestStatus;
import io.regulus.signal.RuleDefinition;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Action instances in a tenant's schema, with their effective statuses (view
 * action_instance_effective) and the regulations, assessments and groups that need each, in one
 * query whatever the number of instances; while the tenant's data does not change ({@link
 * Fingerprint}), the instances this node read last are served again.
 */
@ApplicationScoped
public class ActionRepository {

  private static final String SELECT =
      "SELECT i.id, a.action_key, a.title, a.action_type, a.points, a.category, a.solution, a.origin,"
          + " a.testing_source, e.parent_instance_id, i.group_id, g.name, e.implementation_status,"
          + " e.implementation_date, e.test_status, e.passed_fraction, i.notes, i.assignee_id, i.assignee_name,"
          + " i.tester_id, i.tester_name, i.due_date, i.priority, e.needs_retest, i.implemented_by,"
          + " i.needed_by_regulations, i.needed_by_assessments, i.needed_by_groups, i.updated_at, i.updated_by,"
          + " i.version, a.managed_by, i.test_override_reason, CAST(a.test_rule AS text)";

  private static final String FROM =
      "FROM action_instance i JOIN action a ON a.id = i.action_id"
          + " JOIN action_instance_effective e ON e.id = i.id"
          + " LEFT JOIN assessment_group g ON g.id = i.group_id";

  /** Where a row of {@link #ALL} has the fingerprint of its snapshot. */
  private static final int LABEL = 34;

  /**
   * Every instance of the tenant, the actions list's one query (public for the benchmark's SQL
   * floor), with the fingerprint of its snapshot on every row. Which regulations, assessments and
   * groups need each instance is kept on its row when assessments change ({@link ActionInstances}),
   * not aggregated here.
   */
  public static final String ALL =
      ScoringRepository.labelled(SELECT, FROM) + " ORDER BY a.points DESC, a.action_key, g.name";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private ActionHistory history;
  @Inject private AssignmentNotices assignmentNotices;
  @Inject private ScoringRepository scoring;

  /** How many tenants' instances this node keeps; the least recently used go first. */
  private static final int CACHED_TENANTS = 64;

  /** Every tenant's instances as last read, served again while its data has not changed. */
  private final FingerprintCache<List<ActionInstance>> cache =
      new FingerprintCache<>(CACHED_TENANTS);

  public List<ActionInstance> all(ActiveTenant tenant) {
    return all(tenant, scoring.fingerprint(tenant));
  }

  /** Every instance, under a fingerprint just read in this transaction. */
  public List<ActionInstance> all(ActiveTenant tenant, Fingerprint fingerprint) {
    binding.bind(em, tenant);
    return cache.get(
        tenant,
        fingerprint,
        (previousFingerprint, previous) -> {
          List<?> rows = em.createNativeQuery(ALL).getResultList();
          Fingerprint label =
              rows.isEmpty() ? null : ScoringRepository.label((Object[]) rows.get(0), LABEL);
          return new FingerprintCache.Read<>(label, rows(rows));
        });
  }

  /**
   * After this node's change of one instance committed: the cached list with the instance as it is
   * now, instead of reading every instance again. Dropped instead when the cached row is not the
   * one changed (another change came first) or when other instances follow its statuses.
   */
  public void changed(
      ActiveTenant tenant, ActionInstance before, ActionInstance after, List<Long> followers) {
    cache.advance(
        tenant,
        rows -> {
          if (!followers.isEmpty()) {
            return null;
          }
          List<ActionInstance> next = new java.util.ArrayList<>(rows);
          for (int i = 0; i < next.size(); i++) {
            if (next.get(i).id() == after.id()) {
              if (next.get(i).version() != before.version()) {
                return null;
              }
              next.set(i, after);
              return List.copyOf(next);
            }
          }
          return null;
        });
  }

  /** Drops this node's kept list of the tenant: the next read reads it again. */
  public void forget(ActiveTenant tenant) {
    cache.forget(tenant);
  }

  /** The instances that follow this one's statuses (their testing source is its action). */
  public List<Long> followers(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery("SELECT id FROM action_instance WHERE parent_instance_id = ?1")
                .setParameter(1, id)
                .getResultList())
        .stream().map(follower -> ((Number) follower).longValue()).toList();
  }

  public Optional<ActionInstance> find(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return rows(
            em.createNativeQuery(SELECT + " " + FROM + " WHERE i.id = ?1")
                .setParameter(1, id)
                .getResultList())
        .stream()
        .findFirst();
  }

  /**
   * Locks the instance's row until the transaction ends, then reads it: writers of one instance
   * queue here. The read is a statement of its own, after the lock, so it sees what a writer before
   * it committed (a locking read would see the newer row but the view's older columns). The table
   * lock first (ROW EXCLUSIVE, as the update will take) queues the writer behind a change of
   * assessments (ActionInstances holds SHARE ROW EXCLUSIVE and updates many rows), instead of
   * deadlocking with it.
   */
  public Optional<ActionInstance> lock(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    em.createNativeQuery("LOCK TABLE action_instance IN ROW EXCLUSIVE MODE").executeUpdate();
    if (em.createNativeQuery("SELECT id FROM action_instance WHERE id = ?1 FOR UPDATE")
        .setParameter(1, id)
        .getResultList()
        .isEmpty()) {
      return Optional.empty();
    }
    return find(tenant, id);
  }

  /**
   * The controls the instance serves: every control that maps its action in the assessments that
   * need it (an instance of one group, that group's assessments), by regulation, assessment and the
   * template's order.
   */
  public List<ServedControl> controls(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT s.id, s.name, g.name, s.regulation, s.template_key, s.template_version,"
                        + " ac.control_id, ac.family, ac.title FROM action_instance i"
                        + " JOIN assessment_control_action aca ON aca.action_id = i.action_id"
                        + " JOIN assessment_control ac ON ac.id = aca.control_id"
                        + " JOIN assessment s ON s.id = ac.assessment_id"
                        + " JOIN assessment_group g ON g.id = s.group_id"
                        + " WHERE i.id = ?1 AND (i.group_id IS NULL OR s.group_id = i.group_id)"
                        + " ORDER BY s.regulation, lower(s.name), s.id, ac.position, ac.control_id")
                .setParameter(1, id)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                row ->
                    new ServedControl(
                        ((Number) row[0]).longValue(),
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        (String) row[6],
                        (String) row[7],
                        (String) row[8]))
            .toList();
  }

  /** The instances assigned to a member, for implementation or for testing. */
  public List<Long> assignedTo(ActiveTenant tenant, String userId, boolean testing) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT id FROM action_instance WHERE "
                        + (testing ? "tester_id" : "assignee_id")
                        + " = ?1 ORDER BY id")
                .setParameter(1, userId)
                .getResultList())
        .stream().map(id -> ((Number) id).longValue()).toList();
  }

  /**
   * Writes the instance's workflow values and one history row per changed field, and moves the
   * version on. Statuses are written only for an instance with statuses of its own (not one that
   * follows its parent). Returns the instance as it now is, read back (the database rounds a passed
   * fraction to its scale).
   */
  public ActionInstance update(
      ActiveTenant tenant, ActionInstance before, ActionInstance after, ActionHistory.Who who) {
    binding.bind(em, tenant);
    em.createNativeQuery(
            "UPDATE action_instance SET implementation_status = CASE WHEN ?15 THEN implementation_status ELSE ?2 END,"
                + " implementation_date = CASE WHEN ?15 THEN implementation_date ELSE CAST(?3 AS date) END,"
                + " test_status = CASE WHEN ?15 THEN test_status ELSE ?4 END,"
                + " passed_fraction = CASE WHEN ?15 THEN passed_fraction ELSE CAST(?5 AS numeric) END,"
                + " test_override_reason = CASE WHEN ?15 THEN test_override_reason ELSE ?16 END,"
                + " notes = ?6, assignee_id = ?7,"
                + " assignee_name = ?8, tester_id = ?9, tester_name = ?10, due_date = CAST(?11 AS date),"
                + " priority = ?12, implemented_by = ?13, updated_at = now(), updated_by = ?14,"
                + " version = version + 1 WHERE id = ?1")
        .setParameter(1, before.id())
        .setParameter(2, after.implementationStatus().name())
        .setParameter(3, after.implementationDate())
        .setParameter(4, after.testStatus().name())
        .setParameter(5, after.passedFraction())
        .setParameter(6, after.notes())
        .setParameter(7, after.assigneeId())
        .setParameter(8, after.assigneeName())
        .setParameter(9, after.testerId())
        .setParameter(10, after.testerName())
        .setParameter(11, after.dueDate())
        .setParameter(12, after.priority().name())
        .setParameter(13, after.implementedBy())
        .setParameter(14, who.id())
        .setParameter(15, before.followsParent())
        .setParameter(16, after.testOverrideReason())
        .executeUpdate();
    history.record(
        tenant,
        before,
        "implementationStatus",
        before.implementationStatus(),
        after.implementationStatus(),
        who);
    history.record(
        tenant,
        before,
        "implementationDate",
        before.implementationDate(),
        after.implementationDate(),
        who);
    history.record(tenant, before, "testStatus", before.testStatus(), after.testStatus(), who);
    history.record(
        tenant,
        before,
        "testOverrideReason",
        before.testOverrideReason(),
        after.testOverrideReason(),
        who);
    history.record(
        tenant, before, "passedFraction", before.passedFraction(), after.passedFraction(), who);
    history.record(tenant, before, "notes", before.notes(), after.notes(), who);
    history.record(tenant, before, "assignee", before.assigneeName(), after.assigneeName(), who);
    history.record(tenant, before, "tester", before.testerName(), after.testerName(), who);
    history.record(tenant, before, "dueDate", before.dueDate(), after.dueDate(), who);
    history.record(tenant, before, "priority", before.priority(), after.priority(), who);
    assignmentNotices.changed(tenant, before, after, who.id());
    return find(tenant, before.id()).orElseThrow();
  }

  private static List<ActionInstance> rows(List<?> rows) {
    return rows.stream().map(Object[].class::cast).map(ActionRepository::instance).toList();
  }

  private static ActionInstance instance(Object[] row) {
    return new ActionInstance(
        ((Number) row[0]).longValue(),
        (String) row[1],
        (String) row[2],
        ActionType.valueOf((String) row[3]),
        ((Number) row[4]).intValue(),
        (String) row[5],
        (String) row[6],
        ManagedBy.valueOf((String) row[31]),
        ActionOrigin.valueOf((String) row[7]),
        TestingSource.valueOf((String) row[8]),
        row[9] == null ? null : ((Number) row[9]).longValue(),
        row[10] == null ? null : ((Number) row[10]).longValue(),
        (String) row[11],
        ImplementationStatus.valueOf((String) row[12]),
        date(row[13]),
        TestStatus.valueOf((String) row[14]),
        (BigDecimal) row[15],
        (String) row[32],
        (String) row[16],
        (String) row[17],
        (String) row[18],
        (String) row[19],
        (String) row[20],
        date(row[21]),
        Priority.valueOf((String) row[22]),
        Boolean.TRUE.equals(row[23]),
        (String) row[24],
        row[25] == null ? List.of() : Arrays.asList(((String) row[25]).split("\n")),
        ids(row[26]),
        ids(row[27]),
        ((java.sql.Timestamp) row[28]).toInstant(),
        (String) row[29],
        ((Number) row[30]).longValue(),
        RuleDefinition.parse((String) row[33]));
  }

  private static List<Long> ids(Object joined) {
    return joined == null
        ? List.of()
        : Arrays.stream(((String) joined).split(",")).map(Long::valueOf).sorted().toList();
  }

  private static java.time.LocalDate date(Object value) {
    return value == null ? null : ((java.sql.Date) value).toLocalDate();
  }
}
