package io.regulus.history;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.Dashboard;
import io.regulus.scoring.Score;
import io.regulus.scoring.ScoringRepository;
import io.regulus.tenancy.TenantBinding;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The steps of the {@code score-recompute} job, run by its system caller: the active tenants (its
 * partitions take them in this order), and one tenant's snapshot of one day recorded in a
 * transaction of its own, replacing any snapshot of that day.
 */
@Stateless
@Guarded
public class ScoreSnapshots {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private AccessControl access;
  @Inject private TenantBinding binding;
  @Inject private ScoringRepository scoring;
  @EJB private TenantRegistry registry;
  @Inject private Event<ScoreSnapshotRecorded> recorded;

  /** Every active tenant's slug, in slug order. */
  @Requires(Permission.RECORD_SCORE_SNAPSHOTS)
  public List<String> tenants(Caller caller) {
    return registry.withStatus(TenantStatus.ACTIVE).stream()
        .map(tenant -> tenant.slug().value())
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /**
   * Records the tenant's scores of {@code day}, computed anew by the scoring engine (past this
   * node's kept scores, which it leaves alone), in place of that day's snapshot if there was one.
   * Its observers ({@link ScoreSnapshotRecorded}) follow in the same transaction. False when the
   * tenant is no longer active (suspended or deleted since the job listed it): nothing is recorded
   * for it.
   */
  @Requires(Permission.RECORD_SCORE_SNAPSHOTS)
  public boolean record(Caller caller, String tenant, LocalDate day) {
    TenantCaller entered;
    try {
      entered = access.enterTenant(caller, tenant);
    } catch (DomainException e) {
      if (e.kind() == ProblemKind.FORBIDDEN || e.kind() == ProblemKind.NOT_FOUND) {
        return false;
      }
      throw e;
    }
    ScoringRepository.Fresh fresh = scoring.fresh(entered.tenant());
    Dashboard dashboard = fresh.scoring().dashboard(0);
    binding.bind(em, entered.tenant());
    // two runs of one day write a tenant's snapshot one after the other: the later one replaces it
    em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
        .setParameter(1, "score_snapshot:" + tenant)
        .getSingleResult();
    JsonArrayBuilder lines = Json.createArrayBuilder();
    line(lines, ScopeKind.TENANT, "", "", dashboard.overall());
    line(lines, ScopeKind.PROVIDER, "", "", dashboard.provider());
    for (Dashboard.AssessmentEntry assessment : dashboard.byAssessment()) {
      line(
          lines,
          ScopeKind.ASSESSMENT,
          Long.toString(assessment.id()),
          assessment.name(),
          assessment.score());
    }
    lines(lines, ScopeKind.GROUP, dashboard.byGroup());
    lines(lines, ScopeKind.CATEGORY, dashboard.byCategory());
    lines(lines, ScopeKind.REGULATION, dashboard.byRegulation());
    // the day's snapshot replaced in one statement: its lines and counts written over those of an
    // earlier run of the day, and the lines and counts that run had and this one has not deleted
    em.createNativeQuery(
            "WITH lines AS (SELECT l.kind, l.scope_key, l.label, l.achieved, l.possible"
                + " FROM json_to_recordset(CAST(?2 AS json)) AS l(kind text, scope_key text,"
                + " label text, achieved double precision, possible double precision)),"
                + " counts AS (SELECT c.measure, c.value, c.actions"
                + " FROM json_to_recordset(CAST(?3 AS json)) AS c(measure text, value text,"
                + " actions integer)),"
                + " gone_lines AS (DELETE FROM score_snapshot s WHERE s.day = ?1 AND NOT EXISTS"
                + " (SELECT 1 FROM lines l WHERE l.kind = s.kind AND l.scope_key = s.scope_key)),"
                + " gone_counts AS (DELETE FROM action_count_snapshot c WHERE c.day = ?1"
                + " AND NOT EXISTS (SELECT 1 FROM counts n WHERE n.measure = c.measure"
                + " AND n.value = c.value)),"
                + " new_lines AS (INSERT INTO score_snapshot (day, kind, scope_key, label, achieved,"
                + " possible) SELECT ?1, l.* FROM lines l ON CONFLICT (day, kind, scope_key)"
                + " DO UPDATE SET label = excluded.label, achieved = excluded.achieved,"
                + " possible = excluded.possible)"
                + " INSERT INTO action_count_snapshot (day, measure, value, actions)"
                + " SELECT ?1, n.* FROM counts n ON CONFLICT (day, measure, value)"
                + " DO UPDATE SET actions = excluded.actions")
        .setParameter(1, Date.valueOf(day))
        .setParameter(2, lines.build().toString())
        .setParameter(3, counts(fresh.instances(), day).toString())
        .executeUpdate();
    recorded.fire(new ScoreSnapshotRecorded(entered.tenant(), day, entered.id()));
    return true;
  }

  /**
   * The day's counts of action instances, on their effective statuses, as the actions list has
   * them: by implementation status, by test status, and overdue (a row even when none is).
   */
  private static JsonArray counts(List<ScoringRepository.InstanceStatus> instances, LocalDate day) {
    Map<String, Integer> byImplementation = new TreeMap<>();
    Map<String, Integer> byTest = new TreeMap<>();
    int overdue = 0;
    for (ScoringRepository.InstanceStatus instance : instances) {
      byImplementation.merge(instance.state().implementation().name(), 1, Integer::sum);
      byTest.merge(instance.state().test().name(), 1, Integer::sum);
      if (instance.state().overdue(instance.due(), day)) {
        overdue++;
      }
    }
    JsonArrayBuilder counts = Json.createArrayBuilder();
    byImplementation.forEach((status, n) -> count(counts, "IMPLEMENTATION", status, n));
    byTest.forEach((status, n) -> count(counts, "TEST", status, n));
    count(counts, "OVERDUE", "", overdue);
    return counts.build();
  }

  private static void count(JsonArrayBuilder counts, String measure, String value, int actions) {
    counts.add(
        Json.createObjectBuilder()
            .add("measure", measure)
            .add("value", value)
            .add("actions", actions));
  }

  private static void lines(JsonArrayBuilder lines, ScopeKind kind, List<Dashboard.Entry> entries) {
    for (Dashboard.Entry entry : entries) {
      line(lines, kind, entry.name(), entry.name(), entry.score());
    }
  }

  private static void line(
      JsonArrayBuilder lines, ScopeKind kind, String key, String label, Score score) {
    lines.add(
        Json.createObjectBuilder()
            .add("kind", kind.name())
            .add("scope_key", key)
            .add("label", label)
            .add("achieved", score.achieved())
            .add("possible", score.possible()));
  }
}
