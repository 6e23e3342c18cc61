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
import io.regulus.scoring.TenantScoring;
import io.regulus.tenancy.TenantBinding;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The steps of the {@code score-recompute} job, run by its system caller: the active tenants (its
 * partitions take them in this order), and one tenant's snapshot of one day recorded in a
 * transaction of its own, replacing any snapshot of that day.
 */
@Stateless
@Guarded
public class ScoreSnapshots {

  /** The day's counts of action instances, on their effective statuses, as the actions list has. */
  static final String COUNTS =
      "SELECT 'IMPLEMENTATION', e.implementation_status, count(*) FROM action_instance i"
          + " JOIN action_instance_effective e ON e.id = i.id GROUP BY e.implementation_status"
          + " UNION ALL SELECT 'TEST', e.test_status, count(*) FROM action_instance i"
          + " JOIN action_instance_effective e ON e.id = i.id GROUP BY e.test_status"
          + " UNION ALL SELECT 'OVERDUE', '', count(*) FROM action_instance i"
          + " JOIN action_instance_effective e ON e.id = i.id WHERE i.due_date < ?1"
          + " AND e.test_status NOT IN ('PASSED', 'OUT_OF_SCOPE')"
          + " AND e.implementation_status <> 'OUT_OF_SCOPE'";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private AccessControl access;
  @Inject private TenantBinding binding;
  @Inject private ScoringRepository scoring;
  @EJB private TenantRegistry registry;

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
   * False when the tenant is no longer active (suspended or deleted since the job listed it):
   * nothing is recorded for it.
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
    TenantScoring scores = scoring.fresh(entered.tenant());
    Dashboard dashboard = scores.dashboard(0);
    binding.bind(em, entered.tenant());
    // two runs of one day write a tenant's snapshot one after the other: the later one replaces it
    em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
        .setParameter(1, "score_snapshot:" + tenant)
        .getSingleResult();
    Date date = Date.valueOf(day);
    em.createNativeQuery("DELETE FROM score_snapshot WHERE day = ?1")
        .setParameter(1, date)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM action_count_snapshot WHERE day = ?1")
        .setParameter(1, date)
        .executeUpdate();
    line(date, ScopeKind.TENANT, "", "", dashboard.overall());
    line(date, ScopeKind.PROVIDER, "", "", dashboard.provider());
    for (Dashboard.AssessmentEntry assessment : dashboard.byAssessment()) {
      line(
          date,
          ScopeKind.ASSESSMENT,
          Long.toString(assessment.id()),
          assessment.name(),
          assessment.score());
    }
    lines(date, ScopeKind.GROUP, dashboard.byGroup());
    lines(date, ScopeKind.CATEGORY, dashboard.byCategory());
    lines(date, ScopeKind.REGULATION, dashboard.byRegulation());
    em.createNativeQuery(
            "INSERT INTO action_count_snapshot (day, measure, value, actions) SELECT ?1, c.*"
                + " FROM ("
                + COUNTS
                + ") c")
        .setParameter(1, date)
        .executeUpdate();
    return true;
  }

  private void lines(Date day, ScopeKind kind, List<Dashboard.Entry> entries) {
    for (Dashboard.Entry entry : entries) {
      line(day, kind, entry.name(), entry.name(), entry.score());
    }
  }

  private void line(Date day, ScopeKind kind, String key, String label, Score score) {
    em.createNativeQuery(
            "INSERT INTO score_snapshot (day, kind, scope_key, label, achieved, possible)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, day)
        .setParameter(2, kind.name())
        .setParameter(3, key)
        .setParameter(4, label)
        .setParameter(5, score.achieved())
        .setParameter(6, score.possible())
        .executeUpdate();
  }
}
