package io.regulus.scoring;

import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a tenant's scores are computed from in three queries, whatever the number of assessments, controls
 * and actions: the actions its assessments use (an action is provider-managed when every control mapping it is),
 * the assessments with their controls' mappings, and the instances' effective statuses (an action tested through
 * its parent counts with its parent's). While a tenant's data does not change, one cheap fingerprint query stands
 * for the three, and the scores computed last are served again; when only states changed, only they are read.
 */
@ApplicationScoped
public class ScoringRepository {

  /** The actions the assessments use, with whether every control mapping each is provider-managed. */
  public static final String ACTIONS =
      "SELECT a.action_key, a.points, a.action_type, bool_and(ac.managed_by = 'PROVIDER'), a.category,"
          + " a.solution, a.title FROM action a"
          + " JOIN assessment_control_action aca ON aca.action_id = a.id"
          + " JOIN assessment_control ac ON ac.id = aca.control_id GROUP BY a.id";

  /** The assessments with their controls and each control's action keys, in template order. */
  public static final String ASSESSMENTS =
      "SELECT s.id, s.name, s.regulation, g.name, ac.control_id, a.action_key FROM assessment s"
          + " JOIN assessment_group g ON g.id = s.group_id"
          + " LEFT JOIN assessment_control ac ON ac.assessment_id = s.id"
          + " LEFT JOIN assessment_control_action aca ON aca.control_id = ac.id"
          + " LEFT JOIN action a ON a.id = aca.action_id"
          + " ORDER BY s.id, ac.position, ac.control_id, a.action_key";

  /** Each instance's effective statuses. */
  public static final String STATES =
      "SELECT i.id, a.action_key, g.name, e.implementation_status, e.test_status, e.passed_fraction"
          + " FROM action_instance i JOIN action a ON a.id = i.action_id"
          + " JOIN action_instance_effective e ON e.id = i.id"
          + " LEFT JOIN assessment_group g ON g.id = i.group_id";

  /**
   * What changes whenever anything a tenant's scores or actions list depend on changes, in one cheap query of three
   * columns: the structure (an instance or an assessment added or removed moves a count, and ids only grow; a
   * group's change moves its version on), the sum of the instances' versions (each change of one moves it on by
   * one), and the evidence (added or removed moves its count or its highest id) with the date (whether evidence has
   * expired depends on it).
   */
  public static final String FINGERPRINT =
      "SELECT i.n || ':' || i.top || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM assessment) || '/'"
          + " || (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM assessment_group), i.versions,"
          + " (SELECT count(*) || ':' || coalesce(max(id), 0) FROM evidence) || '/' || current_date"
          + " FROM (SELECT count(*) AS n, coalesce(max(id), 0) AS top, coalesce(sum(version), 0) AS versions"
          + " FROM action_instance) i";

  /** How many tenants' scores this node keeps; the least recently used go first. */
  private static final int CACHED_TENANTS = 64;

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** The last scores computed per tenant, with what they were computed from. */
  private final FingerprintCache<Cached> cache = new FingerprintCache<>(CACHED_TENANTS);

  /** What the scores are computed from, and the scores, computed on first use (a write may follow a write). */
  private static final class Cached {
    private final Loaded loaded;
    private volatile TenantScoring scoring;

    Cached(Loaded loaded) {
      this.loaded = loaded;
    }

    Loaded loaded() {
      return loaded;
    }

    TenantScoring scoring() {
      TenantScoring computed = scoring;
      if (computed == null) {
        // two threads may both compute it: the same value, from the same immutable input
        computed = new TenantScoring(ScoringEngine.score(loaded.input()), loaded.titles(), loaded.instanceIds());
        scoring = computed;
      }
      return computed;
    }
  }

  /**
   * The tenant's data as of now, in one query: while it is the same, what was read under it (scores here, the
   * actions list's rows in the action package) is still right.
   */
  public Fingerprint fingerprint(ActiveTenant tenant) {
    binding.bind(em, tenant);
    Object[] row = (Object[]) em.createNativeQuery(FINGERPRINT).getSingleResult();
    return new Fingerprint((String) row[0], ((Number) row[1]).longValue(), (String) row[2]);
  }

  public TenantScoring load(ActiveTenant tenant) {
    return load(tenant, fingerprint(tenant));
  }

  /** The scores under a fingerprint just read in this transaction. */
  public TenantScoring load(ActiveTenant tenant, Fingerprint fingerprint) {
    return cached(tenant, fingerprint).scoring();
  }

  /** What the scores are computed from: the cached input while the tenant's data has not changed. */
  public Loaded input(ActiveTenant tenant) {
    return cached(tenant, fingerprint(tenant)).loaded();
  }

  private Cached cached(ActiveTenant tenant, Fingerprint fingerprint) {
    binding.bind(em, tenant);
    return cache.get(tenant, fingerprint, (previousFingerprint, previous) -> {
      // when only states changed, the actions and assessments read last time still hold
      return new Cached(previous != null && fingerprint.sameStructure(previousFingerprint)
          ? previous.loaded().withStates(readStates())
          : read());
    });
  }

  /**
   * After this node's own change of instances committed (one change: the version sum moved on by one): the scores
   * with those instances in their new effective states (by instance id), instead of reading everything again.
   */
  public void changed(ActiveTenant tenant, Map<Long, ActionState> states) {
    cache.advance(tenant, previous -> new Cached(previous.loaded().with(states)));
  }

  /** What the scores are computed from, with the actions' titles and the instances' ids. */
  public record Loaded(
      ScoringInput input, Map<String, String> titles, Map<ScoringInput.Instance, Long> instanceIds) {

    /** The same actions and assessments with other instance states. */
    Loaded withStates(States states) {
      return new Loaded(new ScoringInput(input.actions(), input.assessments(), states.states()), titles,
          states.ids());
    }

    /** The tenant's scores were these instances in these states (by instance id) instead. */
    public TenantScores scoresWith(Map<Long, ActionState> changed) {
      return ScoringEngine.score(with(changed).input());
    }

    /** The same, with these instances in these states (by instance id). */
    Loaded with(Map<Long, ActionState> changed) {
      Map<ScoringInput.Instance, ActionState> states = new HashMap<>(input.states());
      instanceIds.forEach((instance, id) -> {
        ActionState state = changed.get(id);
        if (state != null) {
          states.put(instance, state);
        }
      });
      return new Loaded(new ScoringInput(input.actions(), input.assessments(), states), titles, instanceIds);
    }
  }

  private Loaded read() {
    Map<String, ScoredAction> actions = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (Object[] row : rows(ACTIONS)) {
      String key = (String) row[0];
      actions.put(key, new ScoredAction(key, ((Number) row[1]).intValue(), ActionType.valueOf((String) row[2]),
          Boolean.TRUE.equals(row[3]) ? ManagedBy.PROVIDER : ManagedBy.CUSTOMER, (String) row[4], (String) row[5]));
      titles.put(key, (String) row[6]);
    }

    List<ScoringInput.Assessment> assessments = new ArrayList<>();
    Map<Long, Object[]> heads = new LinkedHashMap<>();
    Map<Long, Map<String, List<String>>> controls = new HashMap<>();
    for (Object[] row : rows(ASSESSMENTS)) {
      long id = ((Number) row[0]).longValue();
      heads.putIfAbsent(id, row);
      Map<String, List<String>> mapped = controls.computeIfAbsent(id, key -> new LinkedHashMap<>());
      if (row[4] != null) {
        List<String> keys = mapped.computeIfAbsent((String) row[4], key -> new ArrayList<>());
        if (row[5] != null) {
          keys.add((String) row[5]);
        }
      }
    }
    heads.forEach((id, row) -> assessments.add(new ScoringInput.Assessment(
        Long.toString(id), (String) row[1], (String) row[2], (String) row[3],
        controls.get(id).entrySet().stream()
            .map(control -> new ScoringInput.Control(control.getKey(), control.getValue()))
            .toList())));

    States states = readStates();
    return new Loaded(new ScoringInput(actions, assessments, states.states()), titles, states.ids());
  }

  /** Each instance's effective state, and its id. */
  private record States(Map<ScoringInput.Instance, ActionState> states, Map<ScoringInput.Instance, Long> ids) {}

  private States readStates() {
    Map<ScoringInput.Instance, ActionState> states = new HashMap<>();
    Map<ScoringInput.Instance, Long> ids = new HashMap<>();
    for (Object[] row : rows(STATES)) {
      ScoringInput.Instance instance = new ScoringInput.Instance((String) row[1], (String) row[2]);
      ids.put(instance, ((Number) row[0]).longValue());
      states.put(instance, new ActionState(ImplementationStatus.valueOf((String) row[3]),
          TestStatus.valueOf((String) row[4]), row[5] == null ? 0 : ((Number) row[5]).doubleValue()));
    }
    return new States(states, ids);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }
}
