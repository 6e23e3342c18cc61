package io.regulus.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time per tenant of provisioning through the real API, and what thousands of tenant schemas do to
 * a pg_dump.
 *
 * <ol>
 *   <li>Floor, on the empty database: {@link SchemaFloor} (bare CREATE SCHEMA + tenant migration
 *       SQL over JDBC).
 *   <li>Warm-up: a few tenants through the API, not counted (JIT, pools and caches of a fresh
 *       server).
 *   <li>Sequential pass: {@code bench.tenants} tenants, one {@code POST /api/v1/platform/tenants}
 *       at a time, each timed by the client: median, p90, p99, max, wall time, throughput, and the
 *       first hundred against the last hundred (does provisioning slow down as schemas pile up?).
 *   <li>Floor again, now beside all those schemas: the same floor measured at both ends of the run.
 *   <li>The database: schemas, relations, size, and the settings that matter for thousands of
 *       schemas.
 *   <li>{@link PgDumpRun}: one pg_dump of the whole database: wall time, exit code, size, peak
 *       locks held.
 *   <li>Concurrent pass (optional): {@code bench.concurrent} more tenants from {@code
 *       bench.clients} clients at once, for throughput.
 * </ol>
 */
public final class ProvisioningBenchmark {

  private final BenchSettings settings;
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final OperatorToken token;
  private final TenantApi api;

  private ProvisioningBenchmark(BenchSettings settings) {
    this.settings = settings;
    this.token = new OperatorToken(http, settings.keycloakUrl());
    this.api = new TenantApi(http, settings.baseUrl(), token);
  }

  public static void main(String[] args) throws Exception {
    new ProvisioningBenchmark(BenchSettings.fromSystemProperties()).run();
  }

  private void run() throws Exception {
    report.begin("Provisioning benchmark");
    report.field("server", "%s (pg_dump: %s)", settings.baseUrl(), settings.pgDump());
    api.awaitHealthy(Duration.ofMinutes(5));
    SchemaFloor floor = new SchemaFloor(settings.tenantMigrations());

    try (Connection db = settings.connect()) {
      Latencies floorBefore = new Latencies(floor.measure(db, settings.floorSamples(), "before"));

      token.get();
      Latencies warmup = new Latencies(sequential("warmup-%03d", settings.warmup(), null));
      long began = System.nanoTime();
      List<Long> startedAt = new ArrayList<>();
      List<Long> times = sequential("bench-%04d", settings.tenants(), startedAt);
      long wall = System.nanoTime() - began;
      Latencies all = new Latencies(times);

      Latencies floorAfter = new Latencies(floor.measure(db, settings.floorSamples(), "after"));
      DatabaseFacts facts = DatabaseFacts.read(db);

      report.line("");
      report.line(
          "-- floor: one transaction of CREATE SCHEMA + %s over JDBC --",
          String.join(", ", floor.files()));
      report.field("floor on the empty database", floorBefore.summary());
      report.field("floor beside all the schemas", floorAfter.summary());

      report.line("");
      report.line("-- provisioning, sequential (one request at a time) --");
      report.field("warm-up (not counted)", warmup.summary());
      report.field("tenants", "%d", all.count());
      report.field("per tenant", all.summary());
      report.field("total wall time", "%.1f s", wall / 1e9);
      report.field("throughput", "%.2f tenants/s", all.count() / (wall / 1e9));
      int window = Math.min(100, Math.max(1, times.size() / 2));
      Latencies first = new Latencies(times.subList(0, Math.min(window, times.size())));
      Latencies last =
          new Latencies(times.subList(Math.max(0, times.size() - window), times.size()));
      report.field(
          "first " + window + " median / p99",
          "%.1f / %.1f ms",
          first.medianMs(),
          first.percentileMs(99));
      report.field(
          "last " + window + " median / p99",
          "%.1f / %.1f ms",
          last.medianMs(),
          last.percentileMs(99));
      report.field("last / first median", "%.2f", last.medianMs() / first.medianMs());
      report.field("medians by tenth of the run (ms)", byTenth(times));
      report.field(
          "median over the floor",
          "%.1f ms above (%.1fx the floor beside all schemas)",
          all.medianMs() - floorAfter.medianMs(),
          all.medianMs() / floorAfter.medianMs());
      report.field("tokens fetched", "%d", token.fetched());
      report.field("catalog autovacuum (last run)", catalogAnalyzes(facts, startedAt));

      report.line("");
      report.line("-- database after provisioning --");
      report.field(
          "schemas", "%d tenant schemas, %d in all", facts.tenantSchemas(), facts.allSchemas());
      report.field(
          "relations in tenant schemas",
          "%d (%d tables, %d indexes, %d sequences)",
          facts.tenantRelations(),
          facts.tenantTables(),
          facts.tenantIndexes(),
          facts.tenantSequences());
      report.field("user tables in the database", "%d", facts.userTables());
      report.field("pg_class rows", "%d", facts.catalogRelations());
      report.field("database size", "%.1f MiB", facts.databaseBytes() / 1024.0 / 1024.0);
      facts.settings().forEach((name, value) -> report.field(name, value));
      report.field(
          "shared lock table",
          "%d locks = max_locks_per_transaction x %d backend slots",
          facts.lockTableCapacity(),
          facts.lockTableSlots());

      report.line("");
      report.line("-- pg_dump of the whole database (custom format, compressed) --");
      PgDumpRun.Result dump = new PgDumpRun(settings).run();
      report.field("pg_dump", dump.version());
      report.field("command", dump.command());
      report.field(
          "exit code", "%d (%s)", dump.exitCode(), dump.succeeded() ? "success" : "FAILED");
      report.field("wall time", "%.1f s", dump.wallNanos() / 1e9);
      report.field(
          "dump size",
          "%.1f MiB (%d bytes; deleted after measuring)",
          dump.bytes() / 1024.0 / 1024.0,
          dump.bytes());
      if (dump.succeeded()) {
        long needed = (dump.peakLocks() + facts.lockTableSlots() - 1) / facts.lockTableSlots();
        report.field(
            "peak locks held by pg_dump",
            "%d = %.1f%% of the shared lock table",
            dump.peakLocks(),
            100.0 * dump.peakLocks() / facts.lockTableCapacity());
        report.field(
            "max_locks_per_transaction needed",
            ">= %d for this dump alone (set: %s; %d user tables)",
            needed,
            facts.settings().get("max_locks_per_transaction"),
            facts.userTables());
        double perTenant = (double) dump.peakLocks() / Math.max(1, facts.tenantSchemas());
        report.field(
            "estimate: tenants per lock setting",
            "%.1f locks per tenant schema; the default 64 holds ~%d tenants," + " %s holds ~%d",
            perTenant,
            (long) (64 * facts.lockTableSlots() / perTenant),
            facts.settings().get("max_locks_per_transaction"),
            (long) (facts.lockTableCapacity() / perTenant));
      }
      if (!dump.errorTail().isEmpty()) {
        report.field("pg_dump said", dump.errorTail());
      }

      if (settings.concurrentTenants() > 0) {
        report.line("");
        report.line("-- provisioning, %d concurrent clients --", settings.clients());
        began = System.nanoTime();
        Latencies concurrent = new Latencies(concurrent("conc-%04d", settings.concurrentTenants()));
        long concurrentWall = System.nanoTime() - began;
        report.field("tenants", "%d (on top of the %d above)", concurrent.count(), all.count());
        report.field("per tenant", concurrent.summary());
        report.field("total wall time", "%.1f s", concurrentWall / 1e9);
        report.field("throughput", "%.2f tenants/s", concurrent.count() / (concurrentWall / 1e9));
      }
    }
    report.end(settings.resultsFile());
  }

  /**
   * Provisions one tenant at a time; with {@code startedAt}, notes when each began and prints
   * progress.
   */
  private List<Long> sequential(String slugFormat, int count, List<Long> startedAt) {
    List<Long> times = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      if (startedAt != null) {
        startedAt.add(System.currentTimeMillis());
      }
      times.add(api.provision(String.format(slugFormat, i)));
      if (startedAt != null && (i % 100 == 0 || i == count)) {
        Latencies recent = new Latencies(times.subList(Math.max(0, i - 100), i));
        System.out.printf(
            "[bench] %d/%d provisioned, last %d: median %.1f ms, max %.1f ms%n",
            i, count, recent.count(), recent.medianMs(), recent.maxMs());
      }
    }
    return times;
  }

  private List<Long> concurrent(String slugFormat, int count) throws InterruptedException {
    List<Long> times = Collections.synchronizedList(new ArrayList<>(count));
    AtomicInteger next = new AtomicInteger(1);
    ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < settings.clients(); c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i <= count; i = next.getAndIncrement()) {
                    times.add(api.provision(String.format(slugFormat, i)));
                  }
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a concurrent client failed", e.getCause());
    } finally {
      clients.shutdownNow();
    }
    return new ArrayList<>(times);
  }

  /**
   * When autovacuum last vacuumed and analyzed each growing catalog, as the sequential tenant being
   * provisioned then ("pg_class vacuum x1 at #560, analyze x1 at #560"): catalog queries slow down
   * as these catalogs grow, until autovacuum gets to them.
   */
  private static String catalogAnalyzes(DatabaseFacts facts, List<Long> startedAt) {
    List<String> parts = new ArrayList<>();
    facts
        .catalogAnalyzes()
        .forEach(
            (name, done) ->
                parts.add(
                    name
                        + " vacuum "
                        + when(done.vacuums(), done.lastVacuumMillis(), startedAt)
                        + ", analyze "
                        + when(done.analyzes(), done.lastAnalyzeMillis(), startedAt)));
    return String.join("; ", parts);
  }

  private static String when(long count, long epochMillis, List<Long> startedAt) {
    if (count == 0) {
      return "never";
    }
    int tenant = 0;
    while (tenant < startedAt.size() && startedAt.get(tenant) <= epochMillis) {
      tenant++;
    }
    return "x"
        + count
        + " "
        + (tenant == 0
            ? "before the pass"
            : tenant == startedAt.size() ? "after the pass" : "at #" + tenant);
  }

  /**
   * The median of each tenth of the run, in order: a flat line means no slow-down as schemas pile
   * up.
   */
  private static String byTenth(List<Long> times) {
    int size = Math.max(1, times.size() / 10);
    List<String> medians = new ArrayList<>();
    for (int from = 0; from + size <= times.size(); from += size) {
      medians.add(
          String.format("%.1f", new Latencies(times.subList(from, from + size)).medianMs()));
    }
    return String.join(" ", medians);
  }
}
