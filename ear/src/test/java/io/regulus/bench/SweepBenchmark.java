package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.regulus.tenancy.TenantBinding;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The test sweep over many tenants (issue 18, acceptance 6), beside a plain-SQL floor measured in
 * the same run:
 *
 * <ol>
 *   <li><b>Tenants</b>: {@link TenantGenerator#ensure} up to {@code bench.sizes} (default 1000),
 *       then in each, by SQL in one transaction, {@code bench.automatic} (50) actions made
 *       automatic with a rule {@code value == true} on one of five keys (at least 50 %, 90 % or 100
 *       %, risk by the action), implemented and untested, and 200 signals: 20 resources of each key
 *       with a newer and an older observation (the newer decides), a fifth key's all older than its
 *       window.
 *   <li><b>The job</b>: {@code POST /platform/test-sweeps} as the operator, polled until COMPLETED,
 *       timed by the job repository; the first run sets every status (writes), the next {@code
 *       bench.runs} find nothing to change (they still record every decision).
 *   <li><b>Floor</b>: the same outcomes by one plain SQL query per tenant (the latest signal of
 *       each resource, its freshness and {@code value = true} counted per rule, the status by the
 *       same table), in the job's partitions on as many threads, reading only; its statuses checked
 *       against every instance the job set.
 * </ol>
 */
public final class SweepBenchmark {

  private static final int KEYS = 5;
  private static final int RESOURCES = 20;

  /** A tenant's outcomes in one query: the floor. */
  static final String FLOOR =
      "WITH rules AS (SELECT a.id, a.test_rule ->> 'signal' AS key,"
          + " CAST(a.test_rule ->> 'atLeast' AS double precision) AS at_least,"
          + " CAST(a.test_rule ->> 'freshness' AS interval) AS fresh, a.test_rule ->> 'risk' AS risk"
          + " FROM action a WHERE a.testing_source = 'AUTOMATIC' AND a.test_rule IS NOT NULL),"
          + " latest AS (SELECT DISTINCT ON (s.key, s.resource) s.key, s.value, s.observed_at"
          + " FROM signal s WHERE s.key IN (SELECT key FROM rules)"
          + " ORDER BY s.key, s.resource, s.observed_at DESC, s.id DESC),"
          + " counted AS (SELECT r.id, r.at_least, r.risk, count(l.key) AS seen,"
          + " count(l.key) FILTER (WHERE l.observed_at >= now() - r.fresh) AS fresh,"
          + " count(l.key) FILTER (WHERE l.observed_at >= now() - r.fresh"
          + " AND jsonb_typeof(l.value) <> 'null') AS determined,"
          + " count(l.key) FILTER (WHERE l.observed_at >= now() - r.fresh"
          + " AND l.value = CAST('true' AS jsonb)) AS met"
          + " FROM rules r LEFT JOIN latest l ON l.key = r.key GROUP BY r.id, r.at_least, r.risk)"
          + " SELECT i.id, CASE WHEN c.seen = 0 THEN 'TO_BE_DETECTED'"
          + " WHEN c.fresh = 0 OR c.determined = 0 THEN 'COULD_NOT_BE_DETECTED'"
          + " WHEN CAST(c.met AS double precision) / c.fresh >= c.at_least THEN 'PASSED'"
          + " WHEN c.met = 0 THEN 'FAILED_' || c.risk || '_RISK' ELSE 'PARTIALLY_TESTED' END"
          + " FROM counted c JOIN action_instance i ON i.action_id = c.id"
          + " WHERE i.parent_instance_id IS NULL";

  private final BenchSettings settings;
  private final List<Integer> sizes;
  private final int actions;
  private final int automatic;
  private final int runs;
  private final int threads;
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SweepBenchmark(
      BenchSettings settings,
      List<Integer> sizes,
      int actions,
      int automatic,
      int runs,
      int threads) {
    this.settings = settings;
    this.sizes = sizes;
    this.actions = actions;
    this.automatic = automatic;
    this.runs = runs;
    this.threads = threads;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : System.getProperty("bench.sizes", "1000").trim().split("[ ,]+")) {
      sizes.add(Integer.parseInt(size));
    }
    Collections.sort(sizes);
    new SweepBenchmark(
            BenchSettings.fromSystemProperties(),
            sizes,
            Integer.parseInt(System.getProperty("bench.actions", "400").trim()),
            Integer.parseInt(System.getProperty("bench.automatic", "50").trim()),
            Integer.parseInt(System.getProperty("bench.runs", "3").trim()),
            Integer.parseInt(System.getProperty("bench.threads", "4").trim()))
        .run();
  }

  private void run() throws Exception {
    report.begin("Test sweep benchmark");
    TenantApi platform = new TenantApi(http, settings.baseUrl(), null);
    platform.awaitHealthy(Duration.ofMinutes(5));
    report.field(
        "sizes",
        "%s tenants, %d action instances each, %d of them automatic with a rule",
        sizes,
        actions,
        automatic);
    report.field(
        "signals per tenant",
        "%d (%d keys x %d resources x 2)",
        KEYS * RESOURCES * 2,
        KEYS,
        RESOURCES);
    report.field("threads (job and floor)", "%d", threads);
    ApiClient operator =
        new ApiClient(http, settings.baseUrl(), new OperatorToken(http, settings.keycloakUrl()));
    TenantGenerator generator = new TenantGenerator(settings, http);
    List<String> rows = new ArrayList<>();
    for (int size : sizes) {
      long began = System.nanoTime();
      List<String> tenants = generator.ensure(size, actions);
      for (String tenant : tenants) {
        prepare(tenant);
      }
      report.field(size + " tenants ready", "%d ms", (System.nanoTime() - began) / 1_000_000);
      long first = job(operator);
      List<Long> again = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        again.add(job(operator));
      }
      List<Long> floors = new ArrayList<>();
      Map<String, Map<Long, String>> floor = null;
      for (int r = 0; r < runs; r++) {
        long start = System.nanoTime();
        floor = floor(tenants);
        floors.add((System.nanoTime() - start) / 1_000_000);
      }
      int checked = check(tenants, floor);
      report.field("  first sweep (job repository)", "%d ms", first);
      report.field("  sweeps with nothing to change", "median %d ms %s", median(again), again);
      report.field("  floor (plain SQL, reading only)", "median %d ms %s", median(floors), floors);
      report.field("  checked", "%d instances' statuses equal the floor's", checked);
      rows.add(
          String.format(
              "| %d | %d ms | %d ms | %d ms | %.2f (first %.2f) |",
              size,
              first,
              median(again),
              median(floors),
              median(again) / (double) median(floors),
              first / (double) median(floors)));
    }
    report.line("");
    report.line(
        "| tenants | first sweep (writes) | sweep, nothing to change (median) | floor (median) | ratio |");
    report.line("| --- | --- | --- | --- | --- |");
    rows.forEach(row -> report.line("%s", row));
    report.end(settings.resultsFile());
  }

  /**
   * Makes {@code automatic} of the tenant's actions automatic with a rule, implemented and
   * untested, and gives the tenant its signals, in one transaction; a tenant prepared before keeps
   * its signals and has its statuses put back to untested.
   */
  private void prepare(String tenant) throws SQLException {
    try (Connection db = settings.connect()) {
      db.setAutoCommit(false);
      enter(db, tenant);
      try (PreparedStatement rules =
          db.prepareStatement(
              "WITH chosen AS (SELECT a.id FROM action a WHERE a.testing_source <> 'PARENT'"
                  + " AND EXISTS (SELECT 1 FROM action_instance i WHERE i.action_id = a.id)"
                  + " ORDER BY a.id LIMIT ?)"
                  + " UPDATE action a SET testing_source = 'AUTOMATIC', test_rule = CAST(json_build_object("
                  + "'signal', 'bench.key_' || a.id % "
                  + KEYS
                  + " || '.enabled', 'expect', 'value == true',"
                  + " 'atLeast', (ARRAY[0.5, 0.9, 1.0])[a.id % 3 + 1], 'freshness', 'P7D',"
                  + " 'risk', (ARRAY['LOW', 'MEDIUM', 'HIGH'])[a.id % 3 + 1]) AS jsonb)"
                  + " FROM chosen c WHERE a.id = c.id")) {
        rules.setInt(1, automatic);
        rules.executeUpdate();
      }
      try (PreparedStatement instances =
          db.prepareStatement(
              "UPDATE action_instance i SET implementation_status = 'IMPLEMENTED',"
                  + " implementation_date = current_date, test_status = 'NONE', passed_fraction = NULL,"
                  + " test_override_reason = NULL, version = i.version + 1 FROM action a"
                  + " WHERE a.id = i.action_id AND a.test_rule IS NOT NULL AND i.parent_instance_id IS NULL")) {
        instances.executeUpdate();
      }
      long signals;
      try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM signal");
          ResultSet result = count.executeQuery()) {
        result.next();
        signals = result.getLong(1);
      }
      if (signals == 0) {
        // per key and resource an older observation and a newer one, which decides; the last key's
        // both older than the window; values from a hash of the tenant, key and resource
        try (PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO signal (key, resource, value, observed_at, received_at, source, batch_id)"
                    + " SELECT 'bench.key_' || k || '.enabled', 'resource-' || r,"
                    + " CAST(CASE WHEN (abs(hashtext(? || k || r || o)) % 10) < 7 THEN 'true'"
                    + " ELSE 'false' END AS jsonb),"
                    + " now() - make_interval(days => CASE WHEN k = "
                    + (KEYS - 1)
                    + " THEN 10 ELSE 0 END + o * 2, mins => r),"
                    + " now(), 'bench', gen_random_uuid()"
                    + " FROM generate_series(0, "
                    + (KEYS - 1)
                    + ") k, generate_series(0, "
                    + (RESOURCES - 1)
                    + ") r, generate_series(0, 1) o")) {
          insert.setString(1, tenant);
          insert.executeUpdate();
        }
      }
      db.commit();
    }
  }

  /** A sweep of every tenant; its time by the job repository, in ms. */
  private long job(ApiClient operator) throws Exception {
    long began = System.nanoTime();
    JsonNode started = operator.postStarted("/platform/test-sweeps");
    long id = started.path("executionId").asLong();
    String status = started.path("status").asText();
    while (!"COMPLETED".equals(status)) {
      if (List.of("FAILED", "STOPPED", "ABANDONED").contains(status)) {
        throw new IllegalStateException("test sweep " + id + " ended " + status);
      }
      if (System.nanoTime() - began > Duration.ofMinutes(10).toNanos()) {
        throw new IllegalStateException("test sweep " + id + " not done in 10 minutes");
      }
      Thread.sleep(20);
      status = operator.get("/platform/test-sweeps/" + id).path("status").asText();
    }
    try (Connection db = settings.connect();
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT round(extract(epoch FROM (endtime - starttime)) * 1000)"
                    + " FROM platform.batch_jobexecution WHERE jobexecid = ?")) {
      statement.setLong(1, id);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** The floor's statuses of every tenant's automatic instances, by tenant and instance. */
  private Map<String, Map<Long, String>> floor(List<String> tenants) throws Exception {
    Map<String, Map<Long, String>> byTenant = new ConcurrentHashMap<>();
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        connections.add(settings.connect());
      }
      BlockingQueue<Connection> idle = new LinkedBlockingQueue<>(connections);
      List<Future<?>> done = new ArrayList<>();
      for (List<String> slice : RecomputeFloor.partitions(tenants)) {
        done.add(
            pool.submit(
                () -> {
                  Connection db = idle.take();
                  try {
                    for (String tenant : slice) {
                      byTenant.put(tenant, outcomes(db, tenant));
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
    } finally {
      pool.shutdownNow();
      for (Connection connection : connections) {
        connection.close();
      }
    }
    return byTenant;
  }

  private static Map<Long, String> outcomes(Connection db, String tenant) throws SQLException {
    db.setAutoCommit(false);
    try {
      enter(db, tenant);
      Map<Long, String> found = new java.util.HashMap<>();
      try (PreparedStatement query = db.prepareStatement(FLOOR);
          ResultSet result = query.executeQuery()) {
        while (result.next()) {
          found.put(result.getLong(1), result.getString(2));
        }
      }
      db.commit();
      return found;
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
  }

  /** Every instance the job set has the floor's status; how many were compared. */
  private int check(List<String> tenants, Map<String, Map<Long, String>> floors)
      throws SQLException {
    int compared = 0;
    try (Connection db = settings.connect()) {
      for (String tenant : tenants) {
        Map<Long, String> floor = floors.get(tenant);
        db.setAutoCommit(false);
        enter(db, tenant);
        try (PreparedStatement query =
                db.prepareStatement(
                    "SELECT i.id, i.test_status FROM action_instance i JOIN action a"
                        + " ON a.id = i.action_id WHERE a.test_rule IS NOT NULL"
                        + " AND i.parent_instance_id IS NULL");
            ResultSet result = query.executeQuery()) {
          while (result.next()) {
            String expected = floor.get(result.getLong(1));
            if (!result.getString(2).equals(expected)) {
              throw new IllegalStateException(
                  tenant
                      + " instance "
                      + result.getLong(1)
                      + ": the sweep set "
                      + result.getString(2)
                      + ", the floor finds "
                      + expected);
            }
            compared++;
          }
        }
        db.commit();
        db.setAutoCommit(true);
      }
    }
    return compared;
  }

  private static void enter(Connection db, String tenant) throws SQLException {
    try (PreparedStatement enter = db.prepareStatement(TenantBinding.ENTER)) {
      enter.setString(1, TenantStatistics.schema(tenant));
      try (ResultSet result = enter.executeQuery()) {
        result.next();
      }
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
