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
 * for the three, and the scores computed last are served again.
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
   * What changes whenever anything a score depends on changes, in one cheap query: an instance's statuses move its
   * version on; an instance or an assessment added or removed moves a count, and ids only grow.
   */
  public static final String FINGERPRINT =
      "SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), 0)"
          + " FROM action_instance) || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM assessment)";

  /** How many tenants' scores this node keeps; the least recently used go first. */
  private static final int CACHED_TENANTS = 64;

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /**
   * The last scores computed per tenant schema, with the fingerprint of the data they came from. A node serves
   * them again only while the database's fingerprint is the same, so every node stays right on its own: the
   * fingerprint is read before the data, and in the worst case a newer score sits under an older fingerprint,
   * which the next change replaces.
   */
  private final Map<String, Cached> cache = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > CACHED_TENANTS;
        }
      });

  private record Cached(String fingerprint, Loaded loaded, TenantScoring scoring) {}

  public TenantScoring load(ActiveTenant tenant) {
    return cached(tenant).scoring();
  }

  /** What the scores are computed from: the cached input while the tenant's data has not changed. */
  public Loaded input(ActiveTenant tenant) {
    return cached(tenant).loaded();
  }

  private Cached cached(ActiveTenant tenant) {
    binding.bind(em, tenant);
    String fingerprint = (String) em.createNativeQuery(FINGERPRINT).getSingleResult();
    Cached hit = cache.get(tenant.schemaName());
    if (hit != null && hit.fingerprint().equals(fingerprint)) {
      return hit;
    }
    Loaded loaded = read();
    Cached fresh = new Cached(fingerprint, loaded,
        new TenantScoring(ScoringEngine.score(loaded.input()), loaded.titles(), loaded.instanceIds()));
    cache.put(tenant.schemaName(), fresh);
    return fresh;
  }

  /** What the scores are computed from, with the actions' titles and the instances' ids. */
  public record Loaded(
      ScoringInput input, Map<String, String> titles, Map<ScoringInput.Instance, Long> instanceIds) {

    /** The tenant's scores were these instances in these states (by instance id) instead. */
    public TenantScores scoresWith(Map<Long, ActionState> changed) {
      Map<ScoringInput.Instance, ActionState> states = new HashMap<>(input.states());
      instanceIds.forEach((instance, id) -> {
        ActionState state = changed.get(id);
        if (state != null) {
          states.put(instance, state);
        }
      });
      return ScoringEngine.score(new ScoringInput(input.actions(), input.assessments(), states));
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

    Map<ScoringInput.Instance, ActionState> states = new HashMap<>();
    Map<ScoringInput.Instance, Long> ids = new HashMap<>();
    for (Object[] row : rows(STATES)) {
      ScoringInput.Instance instance = new ScoringInput.Instance((String) row[1], (String) row[2]);
      ids.put(instance, ((Number) row[0]).longValue());
      states.put(instance, new ActionState(ImplementationStatus.valueOf((String) row[3]),
          TestStatus.valueOf((String) row[4]), row[5] == null ? 0 : ((Number) row[5]).doubleValue()));
    }
    return new Loaded(new ScoringInput(actions, assessments, states), titles, ids);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }
}
