package io.regulus.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Latency of a tenant's dashboard ({@code GET /api/v1/tenants/{t}/dashboard}), which scores the
 * whole tenant on every request, for a tenant of 4 assessments and 500+ action instances; the
 * target is a median under 50 ms.
 *
 * <ol>
 *   <li>The tenant: provisioned by the platform operator, then built through the API by a tenant
 *       admin the benchmark creates in Keycloak ({@link TenantAdmin}, {@link BenchTenant}).
 *   <li>Warm-up: {@code bench.warmup} requests of each kind below, not counted.
 *   <li>Timed passes of {@code bench.requests} requests each, one at a time, timed by the client
 *       from sending to reading the whole answer: the two floors first, then the dashboard, then
 *       {@code GET /scores} (the full explanation, every unit listed):
 *       <ul>
 *         <li>floor {@code GET /api/v1/me}: HTTP, token check and JSON, no tenant and no database;
 *         <li>floor SQL ({@link SqlFloor}): the three scoring queries over JDBC, no HTTP.
 *       </ul>
 *   <li>Statements per dashboard request, from PostgreSQL's log ({@link StatementCount}).
 * </ol>
 */
public final class DashboardBenchmark {

  static final String TENANT = "bench-dash";
  static final double TARGET_MEDIAN_MS = 50;

  private final BenchSettings settings;
  private final int requests;
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private DashboardBenchmark(BenchSettings settings, int requests) {
    this.settings = settings;
    this.requests = requests;
  }

  public static void main(String[] args) throws Exception {
    String requests = System.getProperty("bench.requests", "500").trim();
    new DashboardBenchmark(BenchSettings.fromSystemProperties(), Integer.parseInt(requests)).run();
  }

  private void run() throws Exception {
    report.begin("Dashboard benchmark");
    report.field("server", settings.baseUrl());
    OperatorToken operator = new OperatorToken(http, settings.keycloakUrl());
    TenantApi platform = new TenantApi(http, settings.baseUrl(), operator);
    platform.awaitHealthy(Duration.ofMinutes(5));

    operator.get();
    TenantAdmin owner = TenantAdmin.create(http, settings, platform, TENANT);
    ApiClient admin = owner.api();
    BenchTenant.Plan plan = BenchTenant.Plan.DASHBOARD;
    BenchTenant.Facts tenant = new BenchTenant(admin, TENANT, plan).build();
    String dashboard = "/tenants/" + TENANT + "/dashboard";
    String scores = "/tenants/" + TENANT + "/scores";
    int units = admin.get(scores).path("actions").size();
    SqlFloor sql = new SqlFloor(TENANT, SqlFloor.SCORING);

    try (Connection db = settings.connect()) {
      Pass.Sample sqlSample = () -> sql.sample(db);
      System.out.printf(
          "[bench] warm-up: %d requests of each kind, not counted%n", settings.warmup());
      Pass.warmUp(settings.warmup(), () -> admin.timedGet(dashboard));
      Pass.warmUp(settings.warmup(), () -> admin.timedGet(scores));
      Pass.warmUp(settings.warmup(), () -> admin.timedGet("/me"));
      Pass.warmUp(settings.warmup(), sqlSample);
      long[] rows = sql.rows();

      report.line("");
      report.line(
          "-- the tenant: %s (schema %s), built through the API by its admin %s --",
          TENANT, sql.schema(), owner.username());
      report.field("provisioned in", "%.1f ms", Latencies.ms(owner.provisionNanos()));
      report.field("assessments", "%d", tenant.assessments().size());
      for (BenchTenant.Assessment assessment : tenant.assessments()) {
        report.field(
            "  " + assessment.name(),
            "template %s, group %s, %d controls",
            assessment.template(),
            assessment.group(),
            assessment.controls());
      }
      report.field(
          "action instances",
          "%d (%d tenant-wide, %d of a group)",
          tenant.instances().size(),
          tenant.tenantWideInstances(),
          tenant.instances().size() - tenant.tenantWideInstances());
      report.field("  by type", Report.join(tenant.instancesByType()));
      report.field("  by origin", Report.join(tenant.instancesByOrigin()));
      report.field(
          "distinct actions",
          "%d (%s)",
          tenant.distinctActions(),
          Report.join(tenant.actionsByOrigin()));
      report.field(
          "private template",
          "%d own actions, %d controls, %d library actions mapped too",
          plan.ownActions(),
          plan.controls(),
          tenant.libraryActionsInTemplate());
      report.field(
          "statuses set",
          "%d of %d instances (%.0f%%): 3 in 4 implemented + passed, the rest implemented",
          tenant.statusesSet(),
          tenant.instances().size(),
          100.0 * tenant.statusesSet() / tenant.instances().size());
      report.field(
          "  following a parent action",
          "%d instances (their statuses are the parent's)",
          tenant.followers());
      report.field(
          "built in",
          "%.1f s (groups, assessments, template, %d status changes)",
          tenant.buildNanos() / 1e9,
          tenant.statusesSet());
      report.field(
          "rows of the 3 scoring queries",
          "%d actions, %d assessment/control/action rows, %d instances",
          rows[0],
          rows[1],
          rows[2]);
      report.field(
          "answer sizes",
          "dashboard %,d bytes; scores %,d bytes (%d units)",
          admin.timedGet(dashboard).bytes(),
          admin.timedGet(scores).bytes(),
          units);

      System.out.printf("[bench] timing %d requests of each kind%n", requests);
      Pass me = Pass.time(requests, () -> admin.timedGet("/me"));
      Pass floor = Pass.time(requests, sqlSample);
      Pass board = Pass.time(requests, () -> admin.timedGet(dashboard));
      Pass explained = Pass.time(requests, () -> admin.timedGet(scores));
      report.line("");
      report.line(
          "-- timed: %d requests of each kind, one at a time, after %d of each not counted --",
          requests, settings.warmup());
      me.report(report, "floor GET /me");
      floor.report(report, "floor SQL (3 queries, JDBC)");
      board.report(report, "GET /dashboard");
      explained.report(report, "GET /scores");
      Latencies dash = board.latencies();
      report.field(
          "dashboard median over the floors",
          "+%.1f ms over /me, +%.1f ms over the SQL",
          dash.medianMs() - me.latencies().medianMs(),
          dash.medianMs() - floor.latencies().medianMs());
      report.field(
          "target: dashboard median < 50 ms",
          "%s (median %.1f ms, p99 %.1f ms)",
          dash.medianMs() < TARGET_MEDIAN_MS ? "MET" : "NOT MET",
          dash.medianMs(),
          dash.percentileMs(99));

      report.line("");
      report.line(
          "-- SQL statements per dashboard request (PostgreSQL's log, log_statement = all) --");
      try {
        StatementCount.Result counted =
            StatementCount.count(
                db,
                settings.workDir().resolve("postgres.log"),
                10,
                20,
                () -> admin.timedGet(dashboard));
        report.field(
            "statements per request",
            "%.1f over %d requests (%s in all)",
            counted.perRequest(),
            counted.requests(),
            Report.join(counted.byKind()));
      } catch (SQLException | IOException e) {
        report.field("statements per request", "not counted: %s", e.getMessage());
      }
    }
    report.end(settings.resultsFile());
  }
}
