package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.regulus.browser.Chromium;
import io.regulus.browser.Ui;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Time to a usable page of the web UI, in the headless Chromium of the browser tests, beside the
 * API call that serves the same data, for a tenant of 4 assessments and 2,000+ action instances;
 * the target is every page's median under 500 ms.
 *
 * <ol>
 *   <li>The tenant: provisioned by the platform operator, then built through the API by a tenant
 *       admin the benchmark creates in Keycloak ({@link TenantAdmin}, {@link BenchTenant} after
 *       {@link #PLAN}), then ANALYZE of its tables ({@link TenantStatistics}).
 *   <li>That admin signs in once, on Keycloak's login page ({@link Ui#signIn}).
 *   <li>For each page of {@link #PAGES}, in order: {@code bench.warmup} loads of the page and calls
 *       of its API, not counted; then {@code bench.requests} loads of the page ({@link PageLoads}:
 *       first byte, DOMContentLoaded, load, usable, from the browser's Navigation Timing), then as
 *       many calls of the API with the admin's bearer token, timed by the client from sending to
 *       the last byte.
 * </ol>
 */
public final class UiBenchmark {

  static final String TENANT = "bench-ui";

  /** The consulting firm the tenant is a client of, whose portfolio is measured. */
  static final String FIRM = "bench-ui-firm";

  /**
   * The firm's other clients, each with a GDPR assessment (160 actions, a few passed): the
   * portfolio scores the tenant and each of them.
   */
  static final int OTHER_CLIENTS = 20;

  static final BenchTenant.Plan CLIENT =
      new BenchTenant.Plan(
          List.of(new BenchTenant.Group("FY2027", "main product", List.of("gdpr"), false)),
          0,
          false);

  static final double TARGET_MEDIAN_MS = 500;

  /**
   * Two groups, each assessing the private template of 1,080 own actions and a library template
   * (GDPR in one, HIPAA Security in the other): 4 assessments, 2,000+ instances (an operational or
   * documentation action has an instance per group, a technical one per tenant).
   */
  static final BenchTenant.Plan PLAN =
      new BenchTenant.Plan(
          List.of(
              new BenchTenant.Group("FY2027", "main product", List.of("gdpr"), true),
              new BenchTenant.Group("Subsidiary", "subsidiary", List.of("hipaa-security"), true)),
          1080,
          true);

  /**
   * A page of the UI and the API call that serves the same data. In both paths {@code {tenant}}
   * stands for the tenant's slug, {@code {firm}} for its firm's and {@code {action}} for the id of
   * one of its action instances.
   */
  record Page(String name, String path, String api) {
    String path(Seeded seeded) {
      return seeded.expand(path);
    }

    String api(Seeded seeded) {
      return seeded.expand(api);
    }
  }

  /** The pages measured, in this order: one line per page. */
  static final List<Page> PAGES =
      List.of(
          new Page("who am I", "/app/me", "/me"),
          new Page(
              "assessments",
              "/app/assessments.xhtml?tenant={tenant}",
              "/tenants/{tenant}/assessment-groups/{group}/assessments"),
          new Page(
              "assessment",
              "/app/assessment.xhtml?tenant={tenant}&id={assessment}",
              "/tenants/{tenant}/assessments/{assessment}"),
          new Page(
              "users and roles", "/app/users.xhtml?tenant={tenant}", "/tenants/{tenant}/users"),
          new Page(
              "dashboard", "/app/dashboard.xhtml?tenant={tenant}", "/tenants/{tenant}/dashboard"),
          new Page("portfolio", "/app/portfolio.xhtml?firm={firm}", "/firms/{firm}/portfolio"),
          new Page(
              "action detail",
              "/app/action.xhtml?tenant={tenant}&id={action}",
              "/tenants/{tenant}/actions/{action}"),
          new Page(
              "improvement actions",
              "/app/actions.xhtml?tenant={tenant}",
              "/tenants/{tenant}/actions"));

  /**
   * What the page paths may name of the seeded tenant: {@code {group}} is its first assessment
   * group, {@code {assessment}} the first assessment of that group.
   */
  record Seeded(String tenant, String firm, long action, long group, long assessment) {
    String expand(String path) {
      return path.replace("{tenant}", tenant)
          .replace("{firm}", firm)
          .replace("{action}", Long.toString(action))
          .replace("{group}", Long.toString(group))
          .replace("{assessment}", Long.toString(assessment));
    }
  }

  private final BenchSettings settings;
  private final int loads;
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private UiBenchmark(BenchSettings settings, int loads) {
    this.settings = settings;
    this.loads = loads;
  }

  public static void main(String[] args) throws Exception {
    String loads = System.getProperty("bench.requests", "100").trim();
    try {
      new UiBenchmark(BenchSettings.fromSystemProperties(), Integer.parseInt(loads)).run();
    } finally {
      Chromium.quit();
    }
  }

  private void run() throws Exception {
    report.begin("UI page benchmark");
    report.field("server", settings.baseUrl());
    OperatorToken operator = new OperatorToken(http, settings.keycloakUrl());
    TenantApi platform = new TenantApi(http, settings.baseUrl(), operator);
    platform.awaitHealthy(Duration.ofMinutes(5));

    operator.get();
    platform.createFirm(FIRM);
    TenantAdmin owner = TenantAdmin.create(http, settings, platform, TENANT, FIRM);
    ApiClient admin = owner.api();
    BenchTenant.Facts tenant = new BenchTenant(admin, TENANT, PLAN).build();
    JsonNode first = tenant.instances().get(0);
    long firstGroup =
        admin.get("/tenants/" + TENANT + "/assessment-groups").get(0).path("id").asLong();
    long firstAssessment =
        admin
            .get("/tenants/" + TENANT + "/assessment-groups/" + firstGroup + "/assessments")
            .get(0)
            .path("id")
            .asLong();
    Seeded seeded =
        new Seeded(TENANT, FIRM, first.path("id").asLong(), firstGroup, firstAssessment);
    long clientsStarted = System.nanoTime();
    for (int i = 1; i <= OTHER_CLIENTS; i++) {
      String client = String.format("%s-client-%02d", TENANT, i);
      new BenchTenant(
              TenantAdmin.create(http, settings, platform, client, FIRM).api(), client, CLIENT)
          .build();
    }
    try (Connection db = settings.connect()) {
      TenantStatistics.analyze(db, TENANT);
    }
    report.line("");
    report.line(
        "-- the tenant: %s, built through the API by its admin %s --", TENANT, owner.username());
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
        "%d (%d tenant-wide), %d distinct actions; %d with statuses, %d assigned, %d due dates",
        tenant.instances().size(),
        tenant.tenantWideInstances(),
        tenant.distinctActions(),
        tenant.statusesSet(),
        tenant.assigned(),
        tenant.dueDates());
    report.field("built in", "%.1f s", tenant.buildNanos() / 1e9);
    report.field(
        "firm " + FIRM,
        "the tenant and %d other clients with a GDPR assessment each, built in %.1f s",
        OTHER_CLIENTS,
        (System.nanoTime() - clientsStarted) / 1e9);

    long signInStarted = System.nanoTime();
    Ui ui = Ui.signIn(settings.baseUrl(), settings.keycloakUrl(), owner.username(), Ui.HOME);
    report.field(
        "signed in (Keycloak's login page)",
        "%.0f ms, Chromium %s",
        Latencies.ms(System.nanoTime() - signInStarted),
        ui.driver().getCapabilities().getBrowserVersion());

    List<String> summary = new ArrayList<>();
    boolean met = true;
    for (Page page : PAGES) {
      String path = page.path(seeded);
      String api = page.api(seeded);
      System.out.printf(
          "[bench] %s: %d loads and API calls not counted, then %d timed%n",
          page.name(), settings.warmup(), loads);
      PageLoads.time(ui, path, settings.warmup());
      Pass.warmUp(settings.warmup(), () -> admin.timedGet(api));
      PageLoads timed = PageLoads.time(ui, path, loads);
      Pass apiPass = Pass.time(loads, () -> admin.timedGet(api));

      Latencies usable = new Latencies(timed.usable());
      report.line("");
      report.line("-- %s: %s, beside GET /api/v1%s --", page.name(), path, api);
      report.field("first byte", new Latencies(timed.firstByte()).summary());
      report.field("DOMContentLoaded", new Latencies(timed.domContentLoaded()).summary());
      report.field("load", new Latencies(timed.load()).summary());
      report.field("usable", usable.summary());
      report.field("API " + api, apiPass.latencies().summary());
      try (Connection db = settings.connect()) {
        StatementCount.Result counted =
            StatementCount.count(
                db, settings.workDir().resolve("postgres.log"), 5, 20, () -> admin.timedGet(api));
        report.field(
            "SQL statements per API call",
            "%.1f over %d calls (%s in all)",
            counted.perRequest(),
            counted.requests(),
            Report.join(counted.byKind()));
      } catch (java.sql.SQLException | java.io.IOException e) {
        report.field("SQL statements per API call", "not counted: %s", e.getMessage());
      }
      met &= usable.medianMs() < TARGET_MEDIAN_MS;
      summary.add(
          String.format(
              "| %s | `%s` | %s | %s | %s | %s | `GET %s` %s |",
              page.name(),
              path,
              medianP95(new Latencies(timed.firstByte())),
              medianP95(new Latencies(timed.domContentLoaded())),
              medianP95(new Latencies(timed.load())),
              medianP95(usable),
              api,
              medianP95(apiPass.latencies())));
    }
    report.line("");
    report.line(
        "-- median / p95 in ms, %d loads of each page and %d API calls, after %d of each not"
            + " counted --",
        loads, loads, settings.warmup());
    report.line("| page | path | first byte | DOMContentLoaded | load | usable | API |");
    report.line("| --- | --- | --- | --- | --- | --- | --- |");
    summary.forEach(report::line);
    report.field("target: every usable median < 500 ms", met ? "MET" : "NOT MET");
    report.end(settings.resultsFile());
  }

  private static String medianP95(Latencies latencies) {
    return String.format("%.1f / %.1f", latencies.medianMs(), latencies.percentileMs(95));
  }
}
