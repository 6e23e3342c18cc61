package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The load test: {@code bench.clients} concurrent clients (default 50) of {@code bench.tenants}
 * tenants (default 10) send a mix of reads (the actions list, the dashboard) and writes (status
 * changes with If-Match) for {@code bench.duration} seconds (default 60), after {@code
 * bench.warmup-duration} seconds (default 45) of the same mix not counted; unpaced, or paced to
 * {@code bench.rate} requests/s in all. Targets: at least 200 requests/s, p99 under 100 ms, no 5xx,
 * no lost update.
 *
 * <ol>
 *   <li>The tenants ({@link LoadTenant}), {@link #BUILDERS} at a time, then ANALYZE of their tables
 *       (unless {@code bench.analyze=false}): a tenant built a moment ago has no planner statistics
 *       until autovacuum gets to it, and the run is meant to measure steady state.
 *   <li>Warm-up, then the timed run: {@link LoadClient}s, as many per tenant, each looping over the
 *       mix until the deadline; no request starts after it, and each request's timeout ends at a
 *       hard deadline {@link #GRACE_SECONDS} s later, so the run is bounded in time. One shared
 *       HttpClient (HTTP/1.1 over loopback, its idle pool bounded to the number of clients; each
 *       client has one request out at a time).
 *   <li>Per kind of request: count, throughput, latencies, status counts; where the CPU time went
 *       ({@link CpuShare}) and what the application's database connections did ({@link
 *       DatabaseActivity}).
 *   <li>No lost update ({@link WriteLedger}): each written action's history and state against the
 *       writes the server accepted.
 * </ol>
 *
 * A 5xx, an outcome the mix cannot get from a sound server (anything but 200, and 412 for a write,
 * or a request cut off at the hard deadline) or a lost update fails the run (non-zero exit) once
 * the report is written. Missing the latency or throughput target does not: the report says so.
 */
public final class LoadBenchmark {

  static final double TARGET_PER_SECOND = 200;
  static final double TARGET_P99_MS = 100;
  static final int GRACE_SECONDS = 5;
  static final int BUILDERS = 4;

  private final BenchSettings settings;
  private final int seconds;
  private final int warmupSeconds;
  private final double rate;
  private final String prefix = System.getProperty("bench.tenant-prefix", "load");
  private final boolean analyze =
      !"false".equals(System.getProperty("bench.analyze", "true").trim());
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private LoadBenchmark(BenchSettings settings, int seconds, int warmupSeconds, double rate) {
    this.settings = settings;
    this.seconds = seconds;
    this.warmupSeconds = warmupSeconds;
    this.rate = rate;
  }

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    // the JDK client keeps at most this many idle connections (default: no bound); read at its
    // first use
    System.setProperty("jdk.httpclient.connectionPoolSize", String.valueOf(settings.clients()));
    new LoadBenchmark(
            settings,
            number("bench.duration", 60),
            number("bench.warmup-duration", 45),
            number("bench.rate", 0))
        .run();
  }

  private static int number(String property, int fallback) {
    String value = System.getProperty(property, "").trim();
    return value.isEmpty() ? fallback : Integer.parseInt(value);
  }

  private void run() throws Exception {
    int clients = settings.clients();
    int tenants = settings.tenants();
    report.begin("Load test");
    report.field("server", settings.baseUrl());
    report.field(
        "clients",
        "%d threads, %d tenants (%d clients each), %d s after %d s of warm-up",
        clients,
        tenants,
        clients / tenants,
        seconds,
        warmupSeconds);
    report.field(
        "pace",
        rate > 0
            ? String.format(
                "paced: %.0f requests/s offered in all, each client one request" + " every %.0f ms",
                rate, clients * 1000 / rate)
            : "unpaced: each client sends its next request on the" + " answer to its last");
    report.field(
        "mix",
        "%d%% actions list (%d kinds), %d%% dashboard, %d%% writes (GET + PATCH); %d%% of the"
            + " writes on %d hot actions per tenant",
        LoadClient.LIST_SHARE,
        LoadClient.LISTS.size(),
        LoadClient.DASHBOARD_SHARE,
        100 - LoadClient.LIST_SHARE - LoadClient.DASHBOARD_SHARE,
        LoadClient.HOT_SHARE,
        LoadClient.HOT_ACTIONS);
    report.field(
        "HTTP client",
        "java.net.http, HTTP/1.1 over loopback, idle pool at most %s connections",
        System.getProperty("jdk.httpclient.connectionPoolSize"));
    OperatorToken operator = new OperatorToken(http, settings.keycloakUrl());
    TenantApi platform = new TenantApi(http, settings.baseUrl(), operator);
    platform.awaitHealthy(Duration.ofMinutes(5));
    operator.get();

    long building = System.nanoTime();
    List<LoadTenant> built =
        LoadTenant.buildAll(http, settings, platform, prefix, tenants, BUILDERS);
    IntSummaryStatistics instances =
        built.stream().mapToInt(LoadTenant::instances).summaryStatistics();
    IntSummaryStatistics writable =
        built.stream().mapToInt(t -> t.targets().size()).summaryStatistics();
    report.line("");
    report.line(
        "-- the tenants: %d, built through the API (%d at a time) in %.1f s --",
        tenants, BUILDERS, (System.nanoTime() - building) / 1e9);
    report.field(
        "each",
        "1 group: GDPR + private template (%d own actions, %d controls); statuses on 40%%,"
            + " due dates, priorities, assignees",
        LoadTenant.PLAN.ownActions(),
        LoadTenant.PLAN.controls());
    report.field("action instances per tenant", "%d to %d", instances.getMin(), instances.getMax());
    report.field(
        "writable actions per tenant",
        "%d to %d (no statuses of their own, no parent)",
        writable.getMin(),
        writable.getMax());
    try (Connection db = settings.connect()) {
      int unanalyzed = 0;
      int analyzed = 0;
      for (LoadTenant tenant : built) {
        unanalyzed += TenantStatistics.unanalyzed(db, tenant.admin().tenant());
        analyzed += analyze ? TenantStatistics.analyze(db, tenant.admin().tenant()) : 0;
      }
      report.field(
          "planner statistics",
          "%d tenant tables not analyzed yet by autovacuum; %s",
          unanalyzed,
          analyze ? "ANALYZE run on all " + analyzed : "left so (bench.analyze=false)");
    }

    WriteLedger ledger = new WriteLedger();
    for (LoadTenant tenant : built) {
      tenant.admin().token().get();
    }
    System.out.printf("[bench] warm-up: %d s of the mix, not counted%n", warmupSeconds);
    LoadClient.Kinds warm = LoadClient.Kinds.fresh();
    long warmWall = phase("warm", built, warm, ledger, warmupSeconds);
    RequestStats warmAll = RequestStats.merged("all", warm.all());
    report.line("");
    report.field(
        "warm-up",
        "%d requests in %.1f s (%.0f/s), p99 %.1f ms, outcomes %s",
        warmAll.count(),
        warmWall / 1e9,
        warmAll.count() / (warmWall / 1e9),
        warmAll.latencies().percentileMs(99),
        Report.join(warmAll.outcomes()));

    System.out.printf("[bench] timed run: %d s%n", seconds);
    LoadClient.Kinds timed = LoadClient.Kinds.fresh();
    CpuShare cpu = new CpuShare(settings.workDir());
    long wall;
    String cpuUsed;
    DatabaseActivity.Summary database;
    try (Connection db = settings.connect()) {
      DatabaseActivity activity = new DatabaseActivity(db);
      CpuShare.Reading before = cpu.read();
      wall = phase("run", built, timed, ledger, seconds);
      cpuUsed = CpuShare.between(before, cpu.read());
      database = activity.stop();
    }
    RequestStats all = RequestStats.merged("all requests", timed.all());
    double perSecond = all.count() / (wall / 1e9);
    double p99 = all.latencies().percentileMs(99);

    report.line("");
    report.line(
        "-- timed: %d s, %d clients, wall time %.1f s (to the last answer) --",
        seconds, clients, wall / 1e9);
    for (RequestStats kind : timed.all()) {
      field(kind, wall);
    }
    field(all, wall);
    if (rate > 0) {
      report.field(
          "paced requests started late",
          "%d (more than one interval behind their schedule)",
          timed.late().sum());
    }
    report.field("load average at the run's end", Machine.load());
    report.field("CPU time during the run", cpuUsed);
    report.field(
        "application's DB connections",
        "open: mean %.1f, max %d; running a statement: mean %.1f, max %d;"
            + " idle in a transaction: mean %.1f (%d samples, every %d ms)",
        database.openMean(),
        database.openMax(),
        database.activeMean(),
        database.activeMax(),
        database.idleInTransactionMean(),
        database.samples(),
        DatabaseActivity.EVERY_MS);
    report.field("  what running statements waited on", Report.join(database.waits()));
    for (String statement : database.topStatements(6)) {
      report.field("  statements seen running", statement);
    }

    int serverErrors = all.serverErrors() + warmAll.serverErrors();
    List<String> unexpected = unexpected(warm, timed);
    report.line("");
    report.field(
        "target: >= 200 requests/s",
        "%s (%.1f/s%s)",
        perSecond >= TARGET_PER_SECOND ? "MET" : "NOT MET",
        perSecond,
        rate > 0 ? String.format(", %.0f/s offered", rate) : "");
    report.field(
        "target: p99 < 100 ms",
        "%s (p99 %.1f ms over all requests)",
        p99 < TARGET_P99_MS ? "MET" : "NOT MET",
        p99);
    report.field("5xx answers", "%d (warm-up included)", serverErrors);
    report.field(
        "unexpected outcomes", unexpected.isEmpty() ? "none" : String.join("; ", unexpected));

    System.out.println("[bench] verifying every written action's history and state");
    Map<String, LoadTenant> bySlug = new HashMap<>();
    built.forEach(t -> bySlug.put(t.admin().tenant(), t));
    WriteLedger.Verdict verdict =
        ledger.verify(
            new WriteLedger.Reader() {
              @Override
              public JsonNode action(WriteLedger.Target target) {
                return bySlug.get(target.tenant()).action(target.id());
              }

              @Override
              public JsonNode history(WriteLedger.Target target) {
                return bySlug.get(target.tenant()).history(target.id());
              }
            });
    report.line("");
    report.line(
        "-- no lost update: every written action's history and state against the writes sent --");
    report.field(
        "writes (warm-up and run)",
        "%d to %d actions: %d accepted (200), %d refused (412 or another"
            + " 4xx), %d of unknown outcome (%d of those applied)",
        verdict.accepted() + verdict.refused() + verdict.unknown(),
        verdict.actions(),
        verdict.accepted(),
        verdict.refused(),
        verdict.unknown(),
        verdict.unknownApplied());
    report.field("history rows read", "%d", verdict.historyRows());
    report.field(
        "verification",
        verdict.passed()
            ? "PASSED: each accepted write is in its action's history once,"
                + " in version order, no refused one is, and each action's state is its last applied write"
            : "FAILED: " + verdict.mismatches().size() + " mismatches");
    verdict.mismatches().stream().limit(20).forEach(m -> report.field("  mismatch", m));
    report.end(settings.resultsFile());

    if (serverErrors > 0 || !unexpected.isEmpty() || !verdict.passed()) {
      throw new IllegalStateException(
          "load test failed: "
              + serverErrors
              + " 5xx answers, "
              + unexpected.size()
              + " kinds of unexpected outcome, "
              + verdict.mismatches().size()
              + " lost-update mismatches (see above)");
    }
  }

  /**
   * Runs the clients for {@code seconds}; returns the wall time from the start to the last client's
   * end. A client still running after the hard deadline (it cannot be: its requests time out then)
   * is interrupted.
   */
  private long phase(
      String name, List<LoadTenant> built, LoadClient.Kinds kinds, WriteLedger ledger, int seconds)
      throws InterruptedException {
    int clients = settings.clients();
    long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    long hardDeadline = deadline + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
    for (int c = 0; c < clients; c++) {
      LoadTenant tenant = built.get(c % built.size());
      String client = String.format("%s-%s-c%02d", name, tenant.admin().tenant(), c);
      pool.execute(
          new LoadClient(
              client,
              tenant,
              kinds,
              ledger,
              deadline,
              hardDeadline,
              interval,
              c * 7919L + seconds));
    }
    pool.shutdown();
    if (!pool.awaitTermination(seconds + GRACE_SECONDS + 2L, TimeUnit.SECONDS)) {
      pool.shutdownNow();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
    return System.nanoTime() - start;
  }

  private void field(RequestStats kind, long wall) {
    report.field(kind.name(), "%d requests, %.1f/s", kind.count(), kind.count() / (wall / 1e9));
    report.field("", kind.latencies().summary());
    report.field("", "outcomes: %s", Report.join(kind.outcomes()));
  }

  /** Outcomes the mix cannot get from a sound server: anything but 200 (and 412 for a write). */
  private static List<String> unexpected(LoadClient.Kinds... phases) {
    List<String> found = new ArrayList<>();
    for (LoadClient.Kinds kinds : phases) {
      for (RequestStats kind : kinds.all()) {
        kind.outcomes()
            .forEach(
                (outcome, count) -> {
                  boolean expected =
                      outcome.equals("200")
                          || (kind == kinds.write() && outcome.equals("412"))
                          || outcome.equals(LoadClient.CUT_OFF);
                  if (!expected) {
                    found.add(kind.name() + ": " + count + " x " + outcome);
                  }
                });
      }
    }
    return found;
  }
}
