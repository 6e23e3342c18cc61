package io.regulus.scoring;

import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a tenant's scores are computed from in three queries, whatever the number of
 * assessments, controls and actions: the actions its assessments use (with the responsibility each
 * carries), the assessments with their controls' mappings, and the instances' effective statuses
 * (an action tested through its parent counts with its parent's). While a tenant's data does not
 * change, one cheap fingerprint query stands for the three, and the scores computed last are served
 * again; when only states changed, only they are read. A fresh read (the nightly recomputation's)
 * takes the three in one statement ({@link #FRESH}) and keeps nothing.
 */
@ApplicationScoped
public class ScoringRepository {

  /** Where the actions the assessments use are read from ({@link #ACTIONS}, {@link #FRESH}). */
  private static final String ACTIONS_FROM =
      "FROM action a WHERE EXISTS (SELECT 1 FROM assessment_control_action aca"
          + " WHERE aca.action_id = a.id)";

  /**
   * Where the assessments' controls are read from, one row per control ({@link #ASSESSMENTS},
   * {@link #FRESH}).
   */
  private static final String ASSESSMENTS_FROM =
      "FROM assessment s JOIN assessment_group g ON g.id = s.group_id"
          + " LEFT JOIN assessment_control ac ON ac.assessment_id = s.id"
          + " LEFT JOIN assessment_control_action aca ON aca.control_id = ac.id"
          + " LEFT JOIN action a ON a.id = aca.action_id GROUP BY s.id, g.id, ac.id";

  /** The actions the assessments use, each with its own responsibility. */
  public static final String ACTIONS =
      "SELECT a.action_key, a.points, a.action_type, a.managed_by, a.category, a.solution, a.title "
          + ACTIONS_FROM;

  /**
   * The assessments with their controls, in template order, one row per control with its action
   * keys in key order, separated by a space (a key has none).
   */
  public static final String ASSESSMENTS =
      "SELECT s.id, s.name, s.regulation, g.name, ac.control_id,"
          + " string_agg(a.action_key, ' ' ORDER BY a.action_key) "
          + ASSESSMENTS_FROM
          + " ORDER BY s.id, ac.position, ac.control_id";

  private static final String STATES_SELECT =
      "SELECT i.id, a.action_key, g.name, e.implementation_status, e.test_status, e.passed_fraction, i.version";

  private static final String STATES_FROM =
      "FROM action_instance i JOIN action a ON a.id = i.action_id"
          + " JOIN action_instance_effective e ON e.id = i.id"
          + " LEFT JOIN assessment_group g ON g.id = i.group_id";

  /** Each instance's effective statuses, and its version, labelled with the fingerprint. */
  public static final String STATES = labelled(STATES_SELECT, STATES_FROM);

  /**
   * What {@link #fresh} reads, in one statement: the rows of {@link #ACTIONS}, {@link #ASSESSMENTS}
   * and the states (without the fingerprint, with each instance's due date), each marked by its
   * last column (A, S or I) and laid out so that their columns' types agree; the assessments in
   * their order. {@link #fresh} takes the three apart again.
   */
  public static final String FRESH =
      "SELECT CAST(a.points AS bigint), a.action_key, a.action_type, a.managed_by, a.category,"
          + " a.solution, a.title, CAST(NULL AS numeric), CAST(NULL AS bigint), CAST(NULL AS date),"
          + " CAST(NULL AS integer), 'A' "
          + ACTIONS_FROM
          + " UNION ALL SELECT s.id, s.name, s.regulation, g.name, ac.control_id,"
          + " string_agg(a.action_key, ' ' ORDER BY a.action_key), NULL, NULL, NULL, NULL,"
          + " ac.position, 'S' "
          + ASSESSMENTS_FROM
          + " UNION ALL SELECT i.id, a.action_key, g.name, e.implementation_status, e.test_status,"
          + " NULL, NULL, e.passed_fraction, i.version, i.due_date, NULL, 'I' "
          + STATES_FROM
          + " ORDER BY 12, 1, 11, 5";

  /**
   * What changes whenever anything a tenant's scores or actions list depend on changes, in one
   * cheap query of three columns: the structure (an instance or an assessment added or removed
   * moves a count, and ids only grow; a group's change moves its version on), the sum of the
   * instances' versions (each change of one moves it on by one), and the evidence (added or removed
   * moves its count or its highest id) with the date (whether evidence has expired depends on it).
   */
  public static final String FINGERPRINT =
      "SELECT i.n || ':' || i.top || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM assessment) || '/'"
          + " || (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM assessment_group) AS structure,"
          + " i.versions, (SELECT count(*) || ':' || coalesce(max(id), 0) FROM evidence) || '/' || current_date"
          + " AS evidence FROM (SELECT count(*) AS n, coalesce(max(id), 0) AS top,"
          + " coalesce(sum(version), 0) AS versions FROM action_instance) i";

  /**
   * A query of {@code select} and {@code from} with the fingerprint as three more columns at the
   * end of every row, read in the same statement, so of the same snapshot as the row ({@link
   * #label}).
   */
  public static String labelled(String select, String from) {
    return "WITH fp AS ("
        + FINGERPRINT
        + ") "
        + select
        + ", fp.structure, fp.versions, fp.evidence "
        + from
        + " CROSS JOIN fp";
  }

  /** The fingerprint in the three columns from {@code column} of a {@link #labelled} row. */
  public static Fingerprint label(Object[] row, int column) {
    return new Fingerprint(
        (String) row[column], ((Number) row[column + 1]).longValue(), (String) row[column + 2]);
  }

  /** How many tenants' scores this node keeps; the least recently used go first. */
  private static final int CACHED_TENANTS = 64;

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** The last scores computed per tenant, with what they were computed from. */
  private final FingerprintCache<Cached> cache = new FingerprintCache<>(CACHED_TENANTS);

  /**
   * What the scores are computed from, and the scores, computed on first use (a write may follow a
   * write).
   */
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
        computed =
            new TenantScoring(
                ScoringEngine.score(loaded.input()), loaded.titles(), loaded.instanceIds());
        scoring = computed;
      }
      return computed;
    }
  }

  /**
   * The tenant's data as of now, in one query: while it is the same, what was read under it (scores
   * here, the actions list's rows in the action package) is still right.
   */
  public Fingerprint fingerprint(ActiveTenant tenant) {
    binding.bind(em, tenant);
    Object[] row = (Object[]) em.createNativeQuery(FINGERPRINT).getSingleResult();
    return label(row, 0);
  }

  public TenantScoring load(ActiveTenant tenant) {
    return load(tenant, fingerprint(tenant));
  }

  /** The scores under a fingerprint just read in this transaction. */
  public TenantScoring load(ActiveTenant tenant, Fingerprint fingerprint) {
    return cached(tenant, fingerprint).scoring();
  }

  /**
   * What the scores are computed from: the cached input while the tenant's data has not changed.
   */
  public Loaded input(ActiveTenant tenant) {
    return cached(tenant, fingerprint(tenant)).loaded();
  }

  /**
   * The tenant's scores read anew, past this node's kept scores, which are neither used nor changed
   * (the nightly recomputation reads every tenant once; keeping them would push out the ones the
   * API serves).
   */
  public Fresh fresh(ActiveTenant tenant) {
    binding.bind(em, tenant);
    List<Object[]> actions = new ArrayList<>();
    List<Object[]> assessments = new ArrayList<>();
    List<Object[]> instances = new ArrayList<>();
    for (Object[] row : rows(FRESH)) {
      switch ((String) row[11]) {
        case "A" ->
            actions.add(new Object[] {row[1], row[0], row[2], row[3], row[4], row[5], row[6]});
        case "S" -> assessments.add(row);
        default ->
            instances.add(
                new Object[] {row[0], row[1], row[2], row[3], row[4], row[7], row[8], row[9]});
      }
    }
    States states = states(instances, true);
    return new Fresh(
        new Cached(structure(actions, assessments).with(states)).scoring(), states.instances());
  }

  /** Scores read anew, with every instance's effective statuses and due date. */
  public record Fresh(TenantScoring scoring, List<InstanceStatus> instances) {}

  /** An action instance's effective statuses and its due date (null when it has none). */
  public record InstanceStatus(ActionState state, LocalDate due) {}

  private Cached cached(ActiveTenant tenant, Fingerprint fingerprint) {
    binding.bind(em, tenant);
    return cache.get(
        tenant,
        fingerprint,
        (previousFingerprint, previous) -> {
          if (previous != null && fingerprint.sameStructure(previousFingerprint)) {
            // only states changed: the actions and assessments read last time still hold, if the
            // structure the states
            // were read with is still theirs
            States states = readStates();
            if (states.label() == null || states.label().sameStructure(previousFingerprint)) {
              return new FingerprintCache.Read<>(
                  states.label(), new Cached(previous.loaded().withStates(states)));
            }
          }
          return read(fingerprint);
        });
  }

  /**
   * After this node's own change of one instance committed (the version sum moved on by one): the
   * scores with the instance, and those following it, in their new effective states (by instance
   * id), instead of reading everything again. Dropped instead unless the kept states have the
   * instance at the version the change started from: another change of it, committed first or
   * applied here out of order, would otherwise be overwritten.
   */
  public void changed(
      ActiveTenant tenant,
      long id,
      long fromVersion,
      long toVersion,
      Map<Long, ActionState> states) {
    cache.advance(
        tenant,
        previous -> {
          Long kept = previous.loaded().versions().get(id);
          return kept != null && kept == fromVersion
              ? new Cached(previous.loaded().with(states, id, toVersion))
              : null;
        });
  }

  /** Drops this node's kept scores of the tenant: the next read reads them again. */
  public void forget(ActiveTenant tenant) {
    cache.forget(tenant);
  }

  /** What the scores are computed from, with the actions' titles and the instances' ids. */
  public record Loaded(
      ScoringInput input,
      Map<String, String> titles,
      Map<ScoringInput.Instance, Long> instanceIds,
      Map<Long, Long> versions) {

    /** The same actions and assessments with other instance states. */
    Loaded withStates(States states) {
      return new Loaded(
          new ScoringInput(input.actions(), input.assessments(), states.states()),
          titles,
          states.ids(),
          states.versions());
    }

    /** The tenant's scores were these instances in these states (by instance id) instead. */
    public TenantScores scoresWith(Map<Long, ActionState> changed) {
      return ScoringEngine.score(with(changed, null, 0).input());
    }

    /**
     * The same, with these instances in these states (by instance id), and one instance at a new
     * version.
     */
    Loaded with(Map<Long, ActionState> changed, Long movedId, long version) {
      Map<ScoringInput.Instance, ActionState> states = new HashMap<>(input.states());
      instanceIds.forEach(
          (instance, instanceId) -> {
            ActionState state = changed.get(instanceId);
            if (state != null) {
              states.put(instance, state);
            }
          });
      Map<Long, Long> moved = versions;
      if (movedId != null) {
        moved = new HashMap<>(versions);
        moved.put(movedId, version);
      }
      return new Loaded(
          new ScoringInput(input.actions(), input.assessments(), states),
          titles,
          instanceIds,
          moved);
    }
  }

  /**
   * Everything anew. The actions and the assessments are read between the fingerprint read first
   * and the states (which carry their own); the result is kept only if the structure is the same at
   * both ends.
   */
  private FingerprintCache.Read<Cached> read(Fingerprint before) {
    Structure structure = structure(rows(ACTIONS), rows(ASSESSMENTS));
    States states = readStates();
    boolean oneStructure = states.label() != null && states.label().sameStructure(before);
    return new FingerprintCache.Read<>(
        oneStructure ? states.label() : null, new Cached(structure.with(states)));
  }

  /** The actions the assessments use (with their titles) and the assessments. */
  private record Structure(
      Map<String, ScoredAction> actions,
      Map<String, String> titles,
      List<ScoringInput.Assessment> assessments) {

    Loaded with(States states) {
      return new Loaded(
          new ScoringInput(actions, assessments, states.states()),
          titles,
          states.ids(),
          states.versions());
    }
  }

  /** The actions and assessments from the rows of {@link #ACTIONS} and {@link #ASSESSMENTS}. */
  private static Structure structure(List<Object[]> actionRows, List<Object[]> assessmentRows) {
    Map<String, ScoredAction> actions = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (Object[] row : actionRows) {
      String key = (String) row[0];
      actions.put(
          key,
          new ScoredAction(
              key,
              ((Number) row[1]).intValue(),
              ActionType.valueOf((String) row[2]),
              ManagedBy.valueOf((String) row[3]),
              (String) row[4],
              (String) row[5]));
      titles.put(key, (String) row[6]);
    }

    List<ScoringInput.Assessment> assessments = new ArrayList<>();
    Map<Long, Object[]> heads = new LinkedHashMap<>();
    Map<Long, Map<String, List<String>>> controls = new HashMap<>();
    for (Object[] row : assessmentRows) {
      long id = ((Number) row[0]).longValue();
      heads.putIfAbsent(id, row);
      Map<String, List<String>> mapped = controls.computeIfAbsent(id, key -> new LinkedHashMap<>());
      if (row[4] != null) {
        List<String> keys = mapped.computeIfAbsent((String) row[4], key -> new ArrayList<>());
        if (row[5] != null) {
          keys.addAll(Arrays.asList(((String) row[5]).split(" ")));
        }
      }
    }
    heads.forEach(
        (id, row) ->
            assessments.add(
                new ScoringInput.Assessment(
                    Long.toString(id),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    controls.get(id).entrySet().stream()
                        .map(
                            control ->
                                new ScoringInput.Control(control.getKey(), control.getValue()))
                        .toList())));

    return new Structure(actions, titles, assessments);
  }

  /**
   * Each instance's effective state, its id, and each instance's version by id; with the
   * fingerprint of their snapshot (null when the tenant has no instance).
   */
  private record States(
      Map<ScoringInput.Instance, ActionState> states,
      Map<ScoringInput.Instance, Long> ids,
      Map<Long, Long> versions,
      Fingerprint label,
      List<InstanceStatus> instances) {}

  private States readStates() {
    return states(rows(STATES), false);
  }

  /**
   * The states from rows of {@link #STATES}, with their fingerprint, or when {@code fresh} from
   * rows with each instance's due date in its place, with every instance's statuses and due date.
   */
  private static States states(List<Object[]> rows, boolean fresh) {
    Map<ScoringInput.Instance, ActionState> states = new HashMap<>();
    Map<ScoringInput.Instance, Long> ids = new HashMap<>();
    Map<Long, Long> versions = new HashMap<>();
    List<InstanceStatus> instances = new ArrayList<>();
    Fingerprint label = null;
    for (Object[] row : rows) {
      ScoringInput.Instance instance = new ScoringInput.Instance((String) row[1], (String) row[2]);
      ids.put(instance, ((Number) row[0]).longValue());
      versions.put(((Number) row[0]).longValue(), ((Number) row[6]).longValue());
      ActionState state =
          new ActionState(
              ImplementationStatus.valueOf((String) row[3]),
              TestStatus.valueOf((String) row[4]),
              row[5] == null ? 0 : ((Number) row[5]).doubleValue());
      states.put(instance, state);
      if (fresh) {
        instances.add(new InstanceStatus(state, day(row[7])));
      } else {
        label = label(row, 7);
      }
    }
    return new States(states, ids, versions, label, instances);
  }

  /** A date column as the driver gives it (null stays null). */
  private static LocalDate day(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return value == null ? null : (LocalDate) value;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }
}
