package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The score recomputation over many tenants (issue 17, acceptance 5), beside its floor measured in
 * the same run, at each size of {@code bench.sizes} (default 250, 500, 1000) in turn:
 *
 * <ol>
 *   <li><b>Tenants</b>: {@link TenantGenerator#ensure} up to the size, 400 action instances each
 *       ({@code bench.actions}); the job covers every active tenant, so the sizes run smallest
 *       first.
 *   <li><b>The job</b>, {@code bench.runs} times (after one run not counted, at the first size):
 *       {@code POST /platform/score-recomputes} as the platform operator, then its status polled
 *       until COMPLETED; timed by the job repository (the execution's start to its end) and by the
 *       client (the POST sent to COMPLETED read). The server's heap from its GC log: a full
 *       collection before, the most the heap held before any collection during the runs, and after
 *       a full collection at the end.
 *   <li><b>Floor</b> ({@link RecomputeFloor}), as many times: every line of every tenant's snapshot
 *       by plain SQL, one query per tenant, the same thread count and partitions ({@link
 *       RecomputeFloor#partitions}); each tenant's lines checked against every row the job recorded
 *       (score lines and counts, no line missing, none more). Then the first floor, the tenant's
 *       overall score alone, checked against the TENANT line, and the job's own read, as many times
 *       each.
 *   <li><b>Through the API</b>: for a sample of tenants, the dashboard's overall score, provider
 *       points and assessments equal the day's snapshot ({@code GET /score-history}).
 * </ol>
 */
public final class RecomputeBenchmark {

  private static final double EPSILON = 0.005;

  private final BenchSettings settings;
  private final List<Integer> sizes;
  private final int actions;
  private final int runs;
  private final int threads;
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private RecomputeBenchmark(
      BenchSettings settings, List<Integer> sizes, int actions, int runs, int threads) {
    this.settings = settings;
    this.sizes = sizes;
    this.actions = actions;
    this.runs = runs;
    this.threads = threads;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String size : System.getProperty("bench.sizes", "250 500 1000").trim().split("[ ,]+")) {
      sizes.add(Integer.parseInt(size));
    }
    Collections.sort(sizes);
    new RecomputeBenchmark(
            BenchSettings.fromSystemProperties(),
            sizes,
            Integer.parseInt(System.getProperty("bench.actions", "400").trim()),
            Integer.parseInt(System.getProperty("bench.runs", "3").trim()),
            Integer.parseInt(System.getProperty("bench.threads", "4").trim()))
        .run();
  }

  /** One size's figures. */
  private record Row(
      int tenants,
      long generateMillis,
      List<Long> jobMillis,
      List<Long> clientMillis,
      List<Long> floorMillis,
      List<Long> tenantFloorMillis,
      ServerHeap.Full before,
      ServerHeap.Phase during,
      ServerHeap.Full after,
      int floorLines,
      int sampleChecked) {

    long job() {
      return median(jobMillis);
    }

    long floor() {
      return median(floorMillis);
    }

    long tenantFloor() {
      return median(tenantFloorMillis);
    }
  }

  private void run() throws Exception {
    report.begin("Score recompute benchmark");
    TenantApi platform = new TenantApi(http, settings.baseUrl(), null);
    platform.awaitHealthy(Duration.ofMinutes(5));
    report.field("sizes", "%s tenants, %d action instances each", sizes, actions);
    report.field("job runs per size", "%d (after one not counted)", runs);
    report.field("threads (job and floor)", "%d", threads);
    ApiClient operator =
        new ApiClient(http, settings.baseUrl(), new OperatorToken(http, settings.keycloakUrl()));
    TenantGenerator generator = new TenantGenerator(settings, http);
    ServerHeap heap =
        ServerHeap.of(
            System.getProperty("regulus.liberty-server", "regulus-bench"),
            Path.of(
                System.getProperty(
                    "bench.gc-log", settings.workDir().resolve("liberty-gc.log").toString())));
    RecomputeFloor floor = new RecomputeFloor(settings, threads);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<Row> rows = new ArrayList<>();
    boolean warm = false;
    for (int size : sizes) {
      long began = System.nanoTime();
      List<String> tenants = generator.ensure(size, actions);
      long generated = (System.nanoTime() - began) / 1_000_000;
      report.line("");
      report.field(size + " tenants ready", "%d ms", generated);
      List<List<String>> slices = RecomputeFloor.partitions(tenants);
      report.field(
          "  partitions (job and floor)",
          "%d of %d to %d tenants",
          slices.size(),
          slices.stream().mapToInt(List::size).min().orElse(0),
          slices.stream().mapToInt(List::size).max().orElse(0));
      if (!warm) {
        Execution warmup = job(operator);
        report.field(
            "  warm-up run (not counted)", "%d ms (client %d ms)", warmup.millis, warmup.client);
        floor.run(tenants, RecomputeFloor.LINES, today);
        warm = true;
      }
      ServerHeap.Full before = heap.collect();
      heap.mark();
      List<Long> jobs = new ArrayList<>();
      List<Long> clients = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        Execution execution = job(operator);
        jobs.add(execution.millis);
        clients.add(execution.client);
        report.field("  run " + (r + 1) + " by step thread (ms)", "%s", execution.steps);
      }
      ServerHeap.Phase during = heap.phase();
      ServerHeap.Full after = heap.collect();
      List<Long> floors = new ArrayList<>();
      RecomputeFloor.Pass last = null;
      for (int r = 0; r < runs; r++) {
        last = floor.run(tenants, RecomputeFloor.LINES, today);
        floors.add(last.nanos() / 1_000_000);
      }
      List<Long> tenantFloors = new ArrayList<>();
      RecomputeFloor.Pass lastTotals = null;
      for (int r = 0; r < runs; r++) {
        lastTotals = floor.run(tenants, RecomputeFloor.TOTALS, today);
        tenantFloors.add(lastTotals.nanos() / 1_000_000);
      }
      List<Long> reads = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        reads.add(floor.run(tenants, RecomputeFloor.READS, today).nanos() / 1_000_000);
      }
      int lines = checkFloor(tenants, last.lines(), today, true);
      checkFloor(tenants, lastTotals.lines(), today, false);
      int sampled = checkSample(generator, tenants, today);
      Row row =
          new Row(
              size,
              generated,
              jobs,
              clients,
              floors,
              tenantFloors,
              before,
              during,
              after,
              lines,
              sampled);
      rows.add(row);
      report.field("  job (repository)", "median %d ms %s", row.job(), jobs);
      report.field(
          "  job (client: POST to COMPLETED)", "median %d ms %s", median(clients), clients);
      report.field("  floor (plain SQL, every line)", "median %d ms %s", row.floor(), floors);
      report.field("  ratio job / floor", "%.2f", row.job() / (double) row.floor());
      report.field(
          "  first floor (tenant score alone)",
          "median %d ms %s, ratio %.2f",
          row.tenantFloor(),
          tenantFloors,
          row.job() / (double) row.tenantFloor());
      report.field(
          "  the job's scoring reads alone (JDBC)", "median %d ms %s", median(reads), reads);
      report.field(
          "  server heap (MB)",
          "before %d (after full GC), peak %d before a collection (%d collections, heap %d),"
              + " after %d",
          before.afterMb(),
          during.peakBeforeMb(),
          during.collections(),
          during.capacityMb(),
          after.afterMb());
      report.field(
          "  checked",
          "%d tenants' snapshots equal the floor's, %d lines in all; %d sampled through the API",
          tenants.size(),
          lines,
          sampled);
    }
    report.line("");
    report.line(
        "| tenants | job (median) | per tenant | floor, every line (median) | ratio"
            + " | floor, tenant score alone | ratio | peak heap |");
    report.line("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (Row row : rows) {
      report.line(
          "| %d | %d ms | %.2f ms | %d ms | %.2f | %d ms | %.2f | %d MB |",
          row.tenants(),
          row.job(),
          row.job() / (double) row.tenants(),
          row.floor(),
          row.job() / (double) row.floor(),
          row.tenantFloor(),
          row.job() / (double) row.tenantFloor(),
          Math.max(row.during().peakBeforeMb(), row.after().beforeMb()));
    }
    Row largest = rows.get(rows.size() - 1);
    report.field(
        "target: " + largest.tenants() + " tenants < 10 s",
        "%s",
        largest.job() < 10_000 ? "MET" : "NOT MET");
    report.field(
        "target: job <= 3 x floor",
        "%s",
        rows.stream().allMatch(r -> r.job() <= 3 * r.floor()) ? "MET" : "NOT MET");
    report.field(
        "target: heap < 1 GB",
        "%s",
        rows.stream()
                .allMatch(r -> Math.max(r.during().peakBeforeMb(), r.after().beforeMb()) < 1024)
            ? "MET"
            : "NOT MET");
    report.end(settings.resultsFile());
  }

  /** A run of the job: its time by the job repository, and by the client. */
  private record Execution(long id, long millis, long client, String steps) {}

  private Execution job(ApiClient operator) throws Exception {
    long began = System.nanoTime();
    JsonNode started = operator.postStarted("/platform/score-recomputes");
    long id = started.path("executionId").asLong();
    String status = started.path("status").asText();
    while (!"COMPLETED".equals(status)) {
      if (List.of("FAILED", "STOPPED", "ABANDONED").contains(status)) {
        throw new IllegalStateException("score recompute " + id + " ended " + status);
      }
      if (System.nanoTime() - began > Duration.ofMinutes(10).toNanos()) {
        throw new IllegalStateException("score recompute " + id + " not done in 10 minutes");
      }
      Thread.sleep(20);
      status = operator.get("/platform/score-recomputes/" + id).path("status").asText();
    }
    long client = (System.nanoTime() - began) / 1_000_000;
    try (Connection db = settings.connect();
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT round(extract(epoch FROM (endtime - starttime)) * 1000)"
                    + " FROM platform.batch_jobexecution WHERE jobexecid = ?")) {
      statement.setLong(1, id);
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          throw new IllegalStateException("no execution " + id + " in the job repository");
        }
        return new Execution(id, result.getLong(1), client, steps(db, id));
      }
    }
  }

  /**
   * Where a run's time went, by the job repository: from the execution's start, each step thread's
   * start and end (the step's top-level thread first, then its partitions), in milliseconds.
   */
  private static String steps(Connection db, long id) throws SQLException {
    StringBuilder steps = new StringBuilder();
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT s.partnum, round(extract(epoch FROM (s.starttime - j.starttime)) * 1000),"
                + " round(extract(epoch FROM (s.endtime - j.starttime)) * 1000),"
                + " round(extract(epoch FROM (j.endtime - j.starttime)) * 1000)"
                + " FROM platform.batch_stepthreadexecution s"
                + " JOIN platform.batch_jobexecution j ON j.jobexecid = s.fk_jobexecid"
                + " WHERE j.jobexecid = ? ORDER BY s.partnum NULLS FIRST, s.starttime")) {
      statement.setLong(1, id);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          steps.append(result.getInt(1) < 0 ? "step" : "p" + result.getInt(1));
          steps.append(' ').append(result.getLong(2)).append('-').append(result.getLong(3));
          steps.append(", ");
        }
      }
    } catch (SQLException e) {
      return "(no breakdown: " + e.getMessage() + ")";
    }
    return steps.toString();
  }

  /**
   * Every tenant's floor lines equal the rows the job recorded for the day (score lines and counts:
   * kind, key, label and figures); when {@code whole}, no recorded row is without its floor line
   * either. How many lines were compared.
   */
  private int checkFloor(
      List<String> tenants,
      Map<String, List<RecomputeFloor.Line>> floor,
      LocalDate day,
      boolean whole)
      throws SQLException {
    List<String> wrong = new ArrayList<>();
    int compared = 0;
    try (Connection db = settings.connect()) {
      for (String tenant : tenants) {
        Map<String, RecomputeFloor.Line> recorded = recorded(db, tenant, day);
        List<RecomputeFloor.Line> lines = floor.getOrDefault(tenant, List.of());
        Set<String> found = new HashSet<>();
        for (RecomputeFloor.Line line : lines) {
          found.add(line.id());
          RecomputeFloor.Line kept = recorded.get(line.id());
          if (kept == null
              || !kept.label().equals(line.label())
              || Math.abs(kept.first() - line.first()) > 1e-6
              || Math.abs(kept.second() - line.second()) > 1e-6) {
            wrong.add(tenant + ": floor " + line + ", recorded " + kept);
          }
          compared++;
        }
        if (lines.isEmpty()) {
          wrong.add(tenant + ": no floor lines");
        }
        if (whole) {
          for (RecomputeFloor.Line kept : recorded.values()) {
            if (!found.contains(kept.id())) {
              wrong.add(tenant + ": recorded " + kept + ", not in the floor");
            }
          }
        }
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException(
          wrong.size()
              + " lines of the snapshots differ from the floor's, the first: "
              + wrong.subList(0, Math.min(10, wrong.size())));
    }
    return compared;
  }

  /** The tenant's snapshot of the day as the job recorded it, lines by {@code Line.id}. */
  private static Map<String, RecomputeFloor.Line> recorded(
      Connection db, String tenant, LocalDate day) throws SQLException {
    String schema = TenantStatistics.schema(tenant);
    Map<String, RecomputeFloor.Line> lines = new HashMap<>();
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT 'S', kind, scope_key, label, achieved, possible FROM "
                + schema
                + ".score_snapshot WHERE day = ? UNION ALL SELECT 'C', measure, value, '',"
                + " actions, 0 FROM "
                + schema
                + ".action_count_snapshot WHERE day = ?")) {
      statement.setDate(1, Date.valueOf(day));
      statement.setDate(2, Date.valueOf(day));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          RecomputeFloor.Line line =
              new RecomputeFloor.Line(
                  result.getString(1),
                  result.getString(2),
                  result.getString(3),
                  result.getString(4),
                  result.getDouble(5),
                  result.getDouble(6));
          lines.put(line.id(), line);
        }
      }
    }
    return lines;
  }

  /**
   * The dashboard of a sample of tenants (the seed, the middle one, the last one) equals the day's
   * snapshot read through the history API; how many tenants were compared.
   */
  private int checkSample(TenantGenerator generator, List<String> tenants, LocalDate day) {
    List<String> sample =
        List.of(tenants.get(0), tenants.get(tenants.size() / 2), tenants.get(tenants.size() - 1));
    for (String tenant : sample) {
      ApiClient admin = generator.admin(tenant);
      JsonNode dashboard = admin.get("/tenants/" + tenant + "/dashboard");
      JsonNode days = admin.get("/tenants/" + tenant + "/score-history?from=" + day + "&to=" + day);
      JsonNode recorded = days.isArray() ? days.path(0) : days.path("days").path(0);
      same(tenant, "overall", dashboard.path("overall"), recorded.path("overall"));
      same(
          tenant,
          "providerPoints",
          dashboard.path("providerPoints"),
          recorded.path("providerPoints"));
      if (dashboard.path("byAssessment").size() != recorded.path("byAssessment").size()
          || dashboard.path("byAssessment").size() == 0) {
        throw new IllegalStateException(tenant + ": the assessments differ: " + recorded);
      }
      if (actionTotal(admin, tenant) != actions) {
        throw new IllegalStateException(tenant + " does not list " + actions + " actions");
      }
    }
    return sample.size();
  }

  private static long actionTotal(ApiClient admin, String tenant) {
    return admin
        .get("/tenants/" + tenant + "/actions?includePassed=true&size=1")
        .path("total")
        .asLong();
  }

  private static void same(String tenant, String what, JsonNode shown, JsonNode recorded) {
    for (String field : List.of("achieved", "possible")) {
      if (shown.path(field).isMissingNode()
          || Math.abs(shown.path(field).asDouble() - recorded.path(field).asDouble()) > EPSILON) {
        throw new IllegalStateException(
            tenant
                + ": the dashboard's "
                + what
                + " "
                + shown
                + " is not the snapshot's "
                + recorded);
      }
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
