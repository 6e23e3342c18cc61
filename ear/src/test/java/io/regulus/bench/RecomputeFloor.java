package io.regulus.bench;

import io.regulus.scoring.ScoringRepository;
import io.regulus.tenancy.TenantBinding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor of the score recomputation: every tenant's score (achieved and possible points) in
 * plain SQL over the same tables, one transaction per tenant on one JDBC connection per thread,
 * that enters the tenant as the application does ({@link TenantBinding#ENTER}) and runs {@link
 * #TOTALS}; the tenants split among the threads as the job's partitions split them. No registry, no
 * Java scoring, no writing, no job repository: what the job cannot go below.
 */
final class RecomputeFloor {

  /**
   * A tenant's score in one query, by the rules of docs/scoring.md as far as the tenant total needs
   * them: each action its assessments map counts once per instance (once for the tenant when it is
   * technical or provider-managed, else once per assessment group); out of scope counts nothing;
   * provider-managed earns its points; implemented (or alternative) and passed earns them, partly
   * tested the passed fraction; an action tested through its parent takes its parent's statuses.
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

  /** A tenant's score as the floor computed it. */
  record Totals(double achieved, double possible) {}

  /** One pass: its wall time and every tenant's totals. */
  record Pass(long nanos, Map<String, Totals> totals) {}

  private final BenchSettings settings;
  private final int threads;
  private final int partition;

  /**
   * @param partition how many tenants one partition of the job takes
   */
  RecomputeFloor(BenchSettings settings, int threads, int partition) {
    this.settings = settings;
    this.threads = threads;
    this.partition = partition;
  }

  /** The job's own reads of a tenant's scoring input ({@code ScoringRepository.fresh}). */
  static final List<String> READS = List.of(ScoringRepository.FRESH);

  /** Every tenant's totals, its partitions run by {@code threads} threads; timed. */
  Pass run(List<String> tenants) throws Exception {
    return run(tenants, List.of(TOTALS));
  }

  /**
   * The same passes running {@code queries} (every row and column read) in each tenant's
   * transaction instead; totals are taken from {@link #TOTALS} when it is one of them.
   */
  Pass run(List<String> tenants, List<String> queries) throws Exception {
    List<List<String>> partitions = new ArrayList<>();
    for (int i = 0; i < tenants.size(); i += partition) {
      partitions.add(tenants.subList(i, Math.min(i + partition, tenants.size())));
    }
    Map<String, Totals> totals = new ConcurrentHashMap<>();
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        connections.add(settings.connect());
      }
      java.util.concurrent.BlockingQueue<Connection> idle =
          new java.util.concurrent.LinkedBlockingQueue<>(connections);
      long began = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (List<String> slice : partitions) {
        done.add(
            pool.submit(
                () -> {
                  Connection db = idle.take();
                  try {
                    for (String tenant : slice) {
                      Totals found = totals(db, tenant, queries);
                      if (found != null) {
                        totals.put(tenant, found);
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
      return new Pass(took, totals);
    } finally {
      pool.shutdownNow();
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  private static Totals totals(Connection db, String tenant, List<String> queries)
      throws SQLException {
    db.setAutoCommit(false);
    try (PreparedStatement enter = db.prepareStatement(TenantBinding.ENTER)) {
      enter.setString(1, TenantStatistics.schema(tenant));
      try (ResultSet result = enter.executeQuery()) {
        result.next();
      }
      Totals totals = null;
      for (String sql : queries) {
        try (PreparedStatement query = db.prepareStatement(sql);
            ResultSet result = query.executeQuery()) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            if (sql.equals(TOTALS) && totals == null) {
              totals = new Totals(result.getDouble(1), result.getDouble(2));
            }
            for (int c = 1; c <= columns; c++) {
              result.getObject(c);
            }
          }
        }
      }
      db.commit();
      return totals;
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }
}
