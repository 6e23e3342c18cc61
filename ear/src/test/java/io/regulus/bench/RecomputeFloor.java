package io.regulus.bench;

import io.regulus.jobs.TenantPartitions;
import io.regulus.scoring.ScoringRepository;
import io.regulus.tenancy.TenantBinding;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The floor of the score recomputation: every line of every tenant's snapshot in plain SQL over the
 * same tables ({@link #LINES}: the tenant, the provider, each assessment, group, category and
 * regulation, and the counts of actions by implementation status, by test status and overdue), one
 * transaction per tenant on one JDBC connection per thread, that enters the tenant as the
 * application does ({@link TenantBinding#ENTER}); the tenants split among the threads in the job's
 * partitions ({@link #partitions}). No registry, no Java scoring, no writing, no job repository:
 * what the job cannot go below. {@link #TOTALS} is the tenant's overall score alone, the floor
 * measured first.
 */
final class RecomputeFloor {

  /** The contribution of an instance {@code e} of an action {@code a} (rules 2 and 3). */
  private static final String ACHIEVED =
      "CASE WHEN e.implementation_status = 'OUT_OF_SCOPE' OR e.test_status = 'OUT_OF_SCOPE' THEN 0"
          + " WHEN a.managed_by = 'PROVIDER' THEN a.points"
          + " WHEN e.implementation_status NOT IN ('IMPLEMENTED', 'ALTERNATIVE_IMPLEMENTATION')"
          + " THEN 0 WHEN e.test_status = 'PASSED' THEN a.points"
          + " WHEN e.test_status = 'PARTIALLY_TESTED' THEN a.points * e.passed_fraction ELSE 0 END";

  private static final String POSSIBLE =
      "CASE WHEN e.implementation_status = 'OUT_OF_SCOPE' OR e.test_status = 'OUT_OF_SCOPE' THEN 0"
          + " ELSE a.points END";

  /**
   * A tenant's overall score in one query, by the rules of docs/scoring.md as far as the tenant
   * total needs them: each action its assessments map counts once per instance (once for the tenant
   * when it is technical or provider-managed, else once per assessment group); out of scope counts
   * nothing; provider-managed earns its points; implemented (or alternative) and passed earns them,
   * partly tested the passed fraction; an action tested through its parent takes its parent's
   * statuses (an instance not recorded counts as untouched). The first floor measured, kept as a
   * second figure: the query is the same as then.
   */
  static final String TOTALS =
      "SELECT coalesce(sum(CASE WHEN e.implementation_status = 'OUT_OF_SCOPE'"
          + " OR e.test_status = 'OUT_OF_SCOPE' THEN 0"
          + " WHEN u.managed_by = 'PROVIDER' THEN u.points"
          + " WHEN e.implementation_status NOT IN ('IMPLEMENTED', 'ALTERNATIVE_IMPLEMENTATION') THEN 0"
          + " WHEN e.test_status = 'PASSED' THEN u.points"
          + " WHEN e.test_status = 'PARTIALLY_TESTED' THEN u.points * e.passed_fraction ELSE 0 END), 0),"
          + " coalesce(sum(CASE WHEN e.implementation_status = 'OUT_OF_SCOPE'"
          + " OR e.test_status = 'OUT_OF_SCOPE' THEN 0 ELSE u.points END), 0)"
          + " FROM (SELECT DISTINCT a.id, a.points, a.managed_by,"
          + " CASE WHEN a.managed_by = 'CUSTOMER' AND a.action_type <> 'TECHNICAL' THEN s.group_id END"
          + " AS group_id FROM assessment s JOIN assessment_control ac ON ac.assessment_id = s.id"
          + " JOIN assessment_control_action aca ON aca.control_id = ac.id"
          + " JOIN action a ON a.id = aca.action_id) u"
          + " LEFT JOIN action_instance i ON i.action_id = u.id"
          + " AND i.group_id IS NOT DISTINCT FROM u.group_id"
          + " LEFT JOIN action_instance_effective e ON e.id = i.id";

  /**
   * Every line of a tenant's snapshot of the day given as the one parameter, in one statement, by
   * the same rules as {@link #TOTALS}: {@code m} is each assessment's distinct actions with the
   * instance they count (its group, or none for a tenant-wide one), {@code u} each such unit once
   * with its contribution; the tenant, provider and category lines sum {@code u} (grouping sets),
   * an assessment sums its own rows of {@code m}, a group or a regulation the units its assessments
   * map, each once (rule 6). Then the counts of the instances on their effective statuses (grouping
   * sets again), overdue being a due date before the day while neither passed nor out of scope.
   * Columns: S (a score line) or C (a count), kind or measure, scope key or value, label, achieved
   * points or actions, possible points.
   */
  static final String LINES =
      "WITH m AS MATERIALIZED (SELECT DISTINCT s.id AS sid, s.group_id AS sg, s.regulation,"
          + " a.id AS aid, CASE WHEN a.managed_by = 'CUSTOMER' AND a.action_type <> 'TECHNICAL'"
          + " THEN s.group_id END AS ig FROM assessment s"
          + " JOIN assessment_control ac ON ac.assessment_id = s.id"
          + " JOIN assessment_control_action aca ON aca.control_id = ac.id"
          + " JOIN action a ON a.id = aca.action_id),"
          + " u AS MATERIALIZED (SELECT k.aid, k.ig, a.managed_by, a.category, "
          + ACHIEVED
          + " AS achieved, "
          + POSSIBLE
          + " AS possible FROM (SELECT DISTINCT aid, ig FROM m) k JOIN action a ON a.id = k.aid"
          + " LEFT JOIN action_instance i ON i.action_id = k.aid"
          + " AND i.group_id IS NOT DISTINCT FROM k.ig"
          + " LEFT JOIN action_instance_effective e ON e.id = i.id),"
          + " mu AS (SELECT m.sid, m.sg, m.regulation, u.* FROM m JOIN u ON u.aid = m.aid"
          + " AND u.ig IS NOT DISTINCT FROM m.ig)"
          + " SELECT 'S', CASE WHEN grouping(u.category) = 1 THEN 'TENANT' ELSE 'CATEGORY' END,"
          + " coalesce(u.category, ''), coalesce(u.category, ''),"
          + " CAST(coalesce(sum(u.achieved), 0) AS double precision),"
          + " CAST(coalesce(sum(u.possible), 0) AS double precision)"
          + " FROM u GROUP BY GROUPING SETS ((), (u.category))"
          + " UNION ALL SELECT 'S', 'PROVIDER', '', '',"
          + " coalesce(sum(u.achieved) FILTER (WHERE u.managed_by = 'PROVIDER'), 0),"
          + " coalesce(sum(u.possible) FILTER (WHERE u.managed_by = 'PROVIDER'), 0) FROM u"
          + " UNION ALL SELECT 'S', 'ASSESSMENT', CAST(s.id AS text), s.name,"
          + " coalesce(sum(mu.achieved), 0), coalesce(sum(mu.possible), 0)"
          + " FROM assessment s LEFT JOIN mu ON mu.sid = s.id GROUP BY s.id, s.name"
          + " UNION ALL SELECT 'S', 'GROUP', g.name, g.name, sum(x.achieved), sum(x.possible)"
          + " FROM (SELECT DISTINCT sg, aid, ig, achieved, possible FROM mu) x"
          + " JOIN assessment_group g ON g.id = x.sg GROUP BY g.name"
          + " UNION ALL SELECT 'S', 'REGULATION', x.regulation, x.regulation, sum(x.achieved),"
          + " sum(x.possible) FROM (SELECT DISTINCT regulation, aid, ig, achieved, possible"
          + " FROM mu) x GROUP BY x.regulation"
          + " UNION ALL SELECT 'C', CASE WHEN grouping(e.implementation_status) = 0"
          + " THEN 'IMPLEMENTATION' WHEN grouping(e.test_status) = 0 THEN 'TEST' ELSE 'OVERDUE' END,"
          + " coalesce(e.implementation_status, e.test_status, ''), '',"
          + " CASE WHEN grouping(e.implementation_status) = 0 OR grouping(e.test_status) = 0"
          + " THEN count(*) ELSE count(*) FILTER (WHERE i.due_date < ?"
          + " AND e.test_status <> 'PASSED' AND e.implementation_status <> 'OUT_OF_SCOPE'"
          + " AND e.test_status <> 'OUT_OF_SCOPE') END, 0"
          + " FROM action_instance i JOIN action a ON a.id = i.action_id"
          + " JOIN action_instance_effective e ON e.id = i.id"
          + " GROUP BY GROUPING SETS ((e.implementation_status), (e.test_status), ())";

  /**
   * A line of a snapshot: {@code S} (a score line: kind, scope key, label, achieved, possible) or
   * {@code C} (a count: measure, value, no label, actions, 0).
   */
  record Line(String table, String kind, String key, String label, double first, double second) {

    /** What tells it apart among a tenant's lines of a day (the tables' primary keys). */
    String id() {
      return table + " " + kind + " " + key;
    }
  }

  /** One pass: its wall time and every tenant's lines (none for the job's reads). */
  record Pass(long nanos, Map<String, List<Line>> lines) {}

  private final BenchSettings settings;
  private final int threads;

  RecomputeFloor(BenchSettings settings, int threads) {
    this.settings = settings;
    this.threads = threads;
  }

  /**
   * The job's partitions, as the job makes them ({@link TenantPartitions}: fifty tenants to a
   * partition on average, each tenant in the partition its slug names).
   */
  static List<List<String>> partitions(List<String> tenants) {
    return TenantPartitions.slices(tenants, TenantPartitions.partitions(tenants.size(), 50));
  }

  /** The job's own read of a tenant's scoring input ({@code ScoringRepository.fresh}). */
  static final String READS = ScoringRepository.FRESH;

  /**
   * One pass running {@code sql} in each tenant's transaction (every row and column read), the
   * tenants in the job's partitions run by {@code threads} threads; timed. {@link #LINES} is given
   * {@code day}; its rows, and those of {@link #TOTALS} (as the TENANT line), are kept per tenant.
   */
  Pass run(List<String> tenants, String sql, LocalDate day) throws Exception {
    List<List<String>> partitions = partitions(tenants);
    Map<String, List<Line>> lines = new ConcurrentHashMap<>();
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        connections.add(settings.connect());
      }
      BlockingQueue<Connection> idle = new LinkedBlockingQueue<>(connections);
      long began = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (List<String> slice : partitions) {
        done.add(
            pool.submit(
                () -> {
                  Connection db = idle.take();
                  try {
                    for (String tenant : slice) {
                      List<Line> found = lines(db, tenant, sql, day);
                      if (!found.isEmpty()) {
                        lines.put(tenant, found);
                      }
                    }
                  } finally {
                    idle.put(db);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      long took = System.nanoTime() - began;
      return new Pass(took, lines);
    } finally {
      pool.shutdownNow();
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  private static List<Line> lines(Connection db, String tenant, String sql, LocalDate day)
      throws SQLException {
    db.setAutoCommit(false);
    try (PreparedStatement enter = db.prepareStatement(TenantBinding.ENTER)) {
      enter.setString(1, TenantStatistics.schema(tenant));
      try (ResultSet result = enter.executeQuery()) {
        result.next();
      }
      List<Line> lines = new ArrayList<>();
      try (PreparedStatement query = db.prepareStatement(sql)) {
        if (sql.equals(LINES)) {
          query.setDate(1, Date.valueOf(day));
        }
        try (ResultSet result = query.executeQuery()) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            if (sql.equals(LINES)) {
              lines.add(
                  new Line(
                      result.getString(1),
                      result.getString(2),
                      result.getString(3),
                      result.getString(4),
                      result.getDouble(5),
                      result.getDouble(6)));
            } else if (sql.equals(TOTALS)) {
              lines.add(new Line("S", "TENANT", "", "", result.getDouble(1), result.getDouble(2)));
            } else {
              for (int c = 1; c <= columns; c++) {
                result.getObject(c);
              }
            }
          }
        }
      }
      db.commit();
      return lines;
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }
}
