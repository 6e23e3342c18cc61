package io.regulus.action;

import io.regulus.access.AccessDeniedException;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.TestStatus;
import io.regulus.signal.AutomaticTest;
import io.regulus.signal.RecordedSignal;
import io.regulus.signal.TestRule;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An automatically tested action's test as the sweep decided it (docs/signals.md, "The sweep and
 * overrides"): the rule, the latest decision with the signals behind it, and the override; and the
 * withdrawal of an override, which puts back what the sweep decided last (or TO_BE_DETECTED before
 * any decision) so that the next sweep sets the status again.
 */
@Stateless
@Guarded
public class AutomaticTestService {

  /** How many deciding signals the action's view carries; the signals list has them all. */
  static final int SHOWN_SIGNALS = 20;

  private static final Logger LOG = Logger.getLogger(AutomaticTestService.class.getName());

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private ActionRepository actions;
  @Inject private ActionHistory history;
  @EJB private ActionService actionService;

  /** The action's automatic test; empty when the action is not tested automatically. */
  @Requires(Permission.READ_TENANT)
  public Optional<AutomaticTest> of(TenantCaller caller, long id) {
    ActionInstance instance = actionService.get(caller, id);
    if (instance.testingSource() != TestingSource.AUTOMATIC) {
      return Optional.empty();
    }
    ActiveTenant tenant = caller.tenant();
    binding.bind(em, tenant);
    String ruleText =
        (String)
            em.createNativeQuery(
                    "SELECT CAST(a.test_rule AS text) FROM action_instance i"
                        + " JOIN action a ON a.id = i.action_id WHERE i.id = ?1")
                .setParameter(1, id)
                .getSingleResult();
    TestRule rule = null;
    if (ruleText != null) {
      try {
        rule = TestRule.parse(ruleText);
      } catch (DomainException e) {
        rule = null;
      }
    }
    Optional<Decision> decision = decision(tenant, id);
    List<Long> ids = decision.map(Decision::signalIds).orElse(List.of());
    List<RecordedSignal> shown = signals(tenant, ids, new PageRequest(0, SHOWN_SIGNALS)).items();
    Object[] override =
        instance.testOverrideReason() == null ? null : lastOverride(tenant, id).orElse(null);
    return Optional.of(
        new AutomaticTest(
            rule,
            decision.map(Decision::status).orElse(null),
            decision.map(Decision::measured).orElse(null),
            decision.map(Decision::decidedAt).orElse(null),
            decision.map(Decision::explanation).orElse(null),
            decision.map(Decision::applied).orElse(null),
            shown,
            ids.size(),
            instance.testOverrideReason() != null,
            instance.testOverrideReason(),
            override == null ? null : (String) override[0],
            override == null ? null : ((Timestamp) override[1]).toInstant()));
  }

  /** One page of the signals that decided the action's latest test, newest first. */
  @Requires(Permission.READ_TENANT)
  public Page<RecordedSignal> signals(TenantCaller caller, long id, PageRequest page) {
    actionService.get(caller, id);
    List<Long> ids = decision(caller.tenant(), id).map(Decision::signalIds).orElse(List.of());
    return signals(caller.tenant(), ids, page);
  }

  /**
   * Withdraws the override of an automatic test: who may set its test status may withdraw it. The
   * status the sweep decided last comes back (TO_BE_DETECTED before any decision), the reason goes,
   * and both are kept in the history; the next sweep sets the status as for any other instance. A
   * 409 when the action is not tested automatically or has no override.
   */
  @Requires(Permission.WORK_ON_ACTIONS)
  public ActionInstance withdrawOverride(TenantCaller caller, long id) {
    ActiveTenant tenant = caller.tenant();
    if (!actionService.options(caller, id).test()) {
      throw new AccessDeniedException(
          "Withdrawing an override of an automatic test needs the role that records test results"
              + " (assessor or admin); you are "
              + caller.requireRole().id()
              + " in this tenant.",
          "testOverrideReason");
    }
    ActionInstance before =
        actions.lock(tenant, id).orElseThrow(() -> new ActionInstanceNotFoundException(id));
    if (before.testingSource() != TestingSource.AUTOMATIC) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Action '"
              + before.key()
              + "' is not tested automatically: it has no override to withdraw.");
    }
    if (before.testOverrideReason() == null) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "The automatic test of '"
              + before.key()
              + "' is not overridden: its status is the sweep's already.");
    }
    Optional<Decision> decision = decision(tenant, id);
    TestStatus status = decision.map(Decision::status).orElse(TestStatus.TO_BE_DETECTED);
    BigDecimal fraction =
        status == TestStatus.PARTIALLY_TESTED
            ? BigDecimal.valueOf(decision.orElseThrow().measured())
            : null;
    binding.bind(em, tenant);
    em.createNativeQuery(
            "UPDATE action_instance SET test_status = ?2, passed_fraction = CAST(?3 AS numeric),"
                + " test_override_reason = NULL, updated_at = now(), updated_by = ?4,"
                + " version = version + 1 WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, status.name())
        .setParameter(3, fraction)
        .setParameter(4, caller.id())
        .executeUpdate();
    em.createNativeQuery("UPDATE test_decision SET applied = true WHERE instance_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    ActionHistory.Who who = new ActionHistory.Who(caller.id(), caller.name());
    history.record(tenant, before, "testStatus", before.testStatus(), status, who);
    history.record(tenant, before, "testOverrideReason", before.testOverrideReason(), null, who);
    history.record(tenant, before, "passedFraction", before.passedFraction(), fraction, who);
    LOG.info(
        () ->
            "override of the automatic test of instance "
                + id
                + " in "
                + caller.slug()
                + " withdrawn by "
                + caller.id()
                + ": back to "
                + status);
    return actions.find(tenant, id).orElseThrow();
  }

  /** The sweep's latest decision on the instance. */
  private record Decision(
      java.time.Instant decidedAt,
      TestStatus status,
      Double measured,
      String explanation,
      List<Long> signalIds,
      boolean applied) {}

  private Optional<Decision> decision(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "SELECT decided_at, status, measured, explanation, CAST(signal_ids AS text),"
                    + " applied FROM test_decision WHERE instance_id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new Decision(
                    ((Timestamp) row[0]).toInstant(),
                    TestStatus.valueOf((String) row[1]),
                    row[2] == null ? null : ((BigDecimal) row[2]).doubleValue(),
                    (String) row[3],
                    ids((String) row[4]),
                    Boolean.TRUE.equals(row[5])))
        .findFirst();
  }

  /** Who set the standing override and when: the newest change of its reason. */
  private Optional<Object[]> lastOverride(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    List<?> rows =
        em.createNativeQuery(
                "SELECT coalesce(changed_by_name, changed_by), changed_at FROM action_history"
                    + " WHERE instance_id = ?1 AND field = 'testOverrideReason'"
                    + " AND new_value IS NOT NULL ORDER BY changed_at DESC, id DESC LIMIT 1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().map(Object[].class::cast).findFirst();
  }

  private Page<RecordedSignal> signals(ActiveTenant tenant, List<Long> ids, PageRequest page) {
    if (ids.isEmpty()) {
      return new Page<>(List.of(), page, 0);
    }
    binding.bind(em, tenant);
    String array = "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    List<RecordedSignal> items =
        ((List<?>)
                em.createNativeQuery(
                        "SELECT id, key, resource, CAST(value AS text), observed_at, source"
                            + " FROM signal WHERE id = ANY (CAST(?1 AS bigint[]))"
                            + " ORDER BY observed_at DESC, id DESC OFFSET ?2 LIMIT ?3")
                    .setParameter(1, array)
                    .setParameter(2, page.offset())
                    .setParameter(3, page.size())
                    .getResultList())
            .stream().map(Object[].class::cast).map(RecordedSignal::of).toList();
    return new Page<>(items, page, ids.size());
  }

  /** A PostgreSQL bigint array's text, {1,2,3}, as ids. */
  private static List<Long> ids(String array) {
    String inner = array.substring(1, array.length() - 1);
    return inner.isEmpty()
        ? List.of()
        : Arrays.stream(inner.split(",")).map(Long::valueOf).toList();
  }
}
