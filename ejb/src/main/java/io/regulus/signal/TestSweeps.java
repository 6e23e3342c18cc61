package io.regulus.signal;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.tenancy.TenantBinding;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The steps of the {@code test-sweep} job, run by its system caller: the active tenants, and one
 * tenant swept in a transaction of its own. A sweep reads every automatically tested instance with
 * a rule and the latest signal of each resource of the rules' keys (two queries whatever their
 * number), decides each rule once ({@link TestOutcomes}), and writes in three statements: the
 * changed instances' test status and passed fraction (their version moves on, so every node's kept
 * scores and lists are read again), their history under the sweep's name, and every instance's
 * decision. An instance a person overrode, or one not implemented (a test status needs it), keeps
 * its status: its decision says what the sweep would have set.
 */
@Stateless
@Guarded
public class TestSweeps {

  /** The name the sweep's changes carry in the history. */
  static final String NAME = "Regulus test sweep";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private AccessControl access;
  @Inject private TenantBinding binding;
  @EJB private TenantRegistry registry;

  /** What one tenant's sweep did. */
  public record Swept(int instances, int changed, int leftAlone) {}

  /** Every active tenant's slug, in slug order. */
  @Requires(Permission.RUN_TEST_SWEEPS)
  public List<String> tenants(Caller caller) {
    return registry.withStatus(TenantStatus.ACTIVE).stream()
        .map(tenant -> tenant.slug().value())
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /**
   * Enters the tenant as the sweep's caller and sweeps it at {@code now}; empty when the tenant is
   * no longer active (suspended or deleted since the job listed it).
   */
  @Requires(Permission.RUN_TEST_SWEEPS)
  public java.util.Optional<Swept> sweep(Caller caller, String tenant, Instant now) {
    TenantCaller entered;
    try {
      entered = access.enterTenant(caller, tenant);
    } catch (DomainException e) {
      if (e.kind() == ProblemKind.FORBIDDEN || e.kind() == ProblemKind.NOT_FOUND) {
        return java.util.Optional.empty();
      }
      throw e;
    }
    return java.util.Optional.of(sweep(entered, now));
  }

  /** Sweeps the caller's tenant at {@code now}, in the caller's transaction. */
  @Requires(Permission.APPLY_AUTOMATIC_TESTS)
  public Swept sweep(TenantCaller caller, Instant now) {
    binding.bind(em, caller.tenant());
    // writers of single instances queue behind the sweep (as behind a change of assessments), and
    // two sweeps of one tenant run one after the other
    em.createNativeQuery("LOCK TABLE action_instance IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
    List<Instance> instances =
        ((List<?>)
                em.createNativeQuery(
                        "SELECT i.id, a.action_key, i.group_id, CAST(a.test_rule AS text),"
                            + " i.implementation_status, i.test_status, i.passed_fraction,"
                            + " i.test_override_reason FROM action_instance i"
                            + " JOIN action a ON a.id = i.action_id"
                            + " WHERE a.testing_source = 'AUTOMATIC' AND a.test_rule IS NOT NULL"
                            + " AND i.parent_instance_id IS NULL ORDER BY i.id")
                    .getResultList())
            .stream().map(Object[].class::cast).map(Instance::of).toList();
    if (instances.isEmpty()) {
      return new Swept(0, 0, 0);
    }
    Map<String, List<RecordedSignal>> latest = latest();
    Map<String, TestOutcome> outcomes = new HashMap<>();
    JsonArrayBuilder changes = Json.createArrayBuilder();
    JsonArrayBuilder history = Json.createArrayBuilder();
    JsonArrayBuilder decisions = Json.createArrayBuilder();
    int changed = 0;
    int leftAlone = 0;
    for (Instance instance : instances) {
      TestOutcome outcome =
          outcomes.computeIfAbsent(instance.rule(), rule -> outcome(rule, latest, now));
      boolean applies = instance.overrideReason() == null && instance.implementation().done();
      BigDecimal fraction = outcome.passedFraction();
      if (!applies) {
        leftAlone++;
      } else if (instance.test() != outcome.status()
          || !sameFraction(instance.fraction(), fraction)) {
        changed++;
        changes.add(
            Json.createObjectBuilder()
                .add("id", instance.id())
                .add("status", outcome.status().name())
                .add(
                    "fraction",
                    fraction == null ? jakarta.json.JsonValue.NULL : Json.createValue(fraction)));
        change(history, instance, "testStatus", instance.test().name(), outcome.status().name());
        change(history, instance, "passedFraction", text(instance.fraction()), text(fraction));
      }
      JsonArrayBuilder ids = Json.createArrayBuilder();
      outcome.signalIds().forEach(ids::add);
      decisions.add(
          Json.createObjectBuilder()
              .add("instance_id", instance.id())
              .add("status", outcome.status().name())
              .add(
                  "measured",
                  outcome.measured() == null
                      ? jakarta.json.JsonValue.NULL
                      : Json.createValue(
                          BigDecimal.valueOf(outcome.measured())
                              .setScale(4, java.math.RoundingMode.HALF_EVEN)))
              .add("explanation", clip(outcome.explanation()))
              .add("signal_ids", ids)
              .add("applied", applies));
    }
    String who = caller.id();
    if (changed > 0) {
      em.createNativeQuery(
              "UPDATE action_instance i SET test_status = d.status, passed_fraction = d.fraction,"
                  + " updated_at = now(), updated_by = ?2, version = i.version + 1"
                  + " FROM json_to_recordset(CAST(?1 AS json)) AS d(id bigint, status text,"
                  + " fraction numeric) WHERE i.id = d.id")
          .setParameter(1, changes.build().toString())
          .setParameter(2, who)
          .executeUpdate();
      em.createNativeQuery(
              "INSERT INTO action_history (instance_id, action_key, group_id, field, old_value,"
                  + " new_value, changed_by, changed_by_name, changed_at)"
                  + " SELECT h.instance_id, h.action_key, h.group_id, h.field, h.old_value,"
                  + " h.new_value, ?2, ?3, ?4 FROM json_to_recordset(CAST(?1 AS json))"
                  + " AS h(instance_id bigint, action_key text, group_id bigint, field text,"
                  + " old_value text, new_value text)")
          .setParameter(1, history.build().toString())
          .setParameter(2, who)
          .setParameter(3, NAME)
          .setParameter(4, Timestamp.from(now))
          .executeUpdate();
    }
    em.createNativeQuery(
            "INSERT INTO test_decision (instance_id, decided_at, status, measured, explanation,"
                + " signal_ids, applied)"
                + " SELECT d.instance_id, ?2, d.status, d.measured, d.explanation,"
                + " ARRAY(SELECT CAST(x AS bigint) FROM json_array_elements_text(d.signal_ids) x),"
                + " d.applied FROM json_to_recordset(CAST(?1 AS json)) AS d(instance_id bigint,"
                + " status text, measured numeric, explanation text, signal_ids json, applied"
                + " boolean) ON CONFLICT (instance_id) DO UPDATE SET decided_at ="
                + " excluded.decided_at, status = excluded.status, measured = excluded.measured,"
                + " explanation = excluded.explanation, signal_ids = excluded.signal_ids,"
                + " applied = excluded.applied")
        .setParameter(1, decisions.build().toString())
        .setParameter(2, Timestamp.from(now))
        .executeUpdate();
    return new Swept(instances.size(), changed, leftAlone);
  }

  /**
   * The latest signal of each resource of every key an automatic rule reads, by key, in one query
   * (the index on key, resource and time serves it).
   */
  private Map<String, List<RecordedSignal>> latest() {
    Map<String, List<RecordedSignal>> byKey = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT DISTINCT ON (s.key, s.resource) s.id, s.key, s.resource,"
                    + " CAST(s.value AS text), s.observed_at, s.source FROM signal s"
                    + " WHERE s.key IN (SELECT DISTINCT a.test_rule ->> 'signal' FROM action a"
                    + " WHERE a.testing_source = 'AUTOMATIC' AND a.test_rule IS NOT NULL)"
                    + " ORDER BY s.key, s.resource, s.observed_at DESC, s.id DESC")
            .getResultList()) {
      RecordedSignal signal = RecordedSignal.of((Object[]) row);
      byKey.computeIfAbsent(signal.key(), key -> new ArrayList<>()).add(signal);
    }
    return byKey;
  }

  /** A rule's outcome; a rule that cannot be read could not be detected, and says why. */
  private static TestOutcome outcome(
      String json, Map<String, List<RecordedSignal>> latest, Instant now) {
    TestRule rule;
    try {
      rule = TestRule.parse(json);
    } catch (DomainException e) {
      return new TestOutcome(
          TestStatus.COULD_NOT_BE_DETECTED,
          null,
          List.of(),
          "The action's test rule cannot be read (" + e.getMessage() + "): fix the rule.");
    }
    return TestOutcomes.outcome(rule, latest.getOrDefault(rule.signal(), List.of()), now);
  }

  private static void change(
      JsonArrayBuilder history, Instance instance, String field, String before, String after) {
    if (Objects.equals(before, after)) {
      return;
    }
    JsonObjectBuilder row =
        Json.createObjectBuilder()
            .add("instance_id", instance.id())
            .add("action_key", instance.key())
            .add("field", field)
            .add(
                "old_value",
                before == null ? jakarta.json.JsonValue.NULL : Json.createValue(before))
            .add(
                "new_value", after == null ? jakarta.json.JsonValue.NULL : Json.createValue(after));
    if (instance.groupId() != null) {
      row.add("group_id", instance.groupId());
    }
    history.add(row);
  }

  private static boolean sameFraction(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** A fraction as the history writes it (ActionHistory): 0.5, not 0.5000. */
  private static String text(BigDecimal fraction) {
    return fraction == null ? null : fraction.stripTrailingZeros().toPlainString();
  }

  private static String clip(String explanation) {
    return explanation.length() <= 4000 ? explanation : explanation.substring(0, 3997) + "...";
  }

  /** An automatically tested instance with its rule, as the sweep reads it. */
  private record Instance(
      long id,
      String key,
      Long groupId,
      String rule,
      ImplementationStatus implementation,
      TestStatus test,
      BigDecimal fraction,
      String overrideReason) {

    static Instance of(Object[] row) {
      return new Instance(
          ((Number) row[0]).longValue(),
          (String) row[1],
          row[2] == null ? null : ((Number) row[2]).longValue(),
          (String) row[3],
          ImplementationStatus.valueOf((String) row[4]),
          TestStatus.valueOf((String) row[5]),
          (BigDecimal) row[6],
          (String) row[7]);
    }
  }
}
