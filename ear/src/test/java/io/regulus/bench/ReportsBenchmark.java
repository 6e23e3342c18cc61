package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.regulus.it.LibertyServer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports job (docs/reports.md) over the stack's active tenants: the time per tenant of its PDF
 * executive summary and of its XLSX workbook, and the whole run's.
 *
 * <ol>
 *   <li>Takes the active tenants already in the database (a generator's, when one ran before in the
 *       same stack); when fewer than {@code bench.tenants}, creates the missing ones through the
 *       API, each with the dashboard benchmark's content (4 assessments, 576 instances with
 *       statuses set).
 *   <li>Records the day's score snapshots (the score recomputation job), untimed.
 *   <li>Starts the report build of the day and waits for it to complete: the total is from the
 *       start request to the first poll (every 100 ms) that sees it completed. The per-tenant times
 *       are the server's own: each partition logs its tenants' rendering times of summaries and
 *       workbooks, which this adds up from the server's log.
 * </ol>
 */
public final class ReportsBenchmark {

  private static final Pattern PARTITION =
      Pattern.compile(
          "report build of \\S+: (\\d+) tenants built in (\\d+) ms \\(summaries (\\d+) ms,"
              + " workbooks (\\d+) ms\\), (\\d+) skipped");

  private final BenchSettings settings;

  /** Action instances of each generated tenant. */
  private static final int ACTIONS = 400;

  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ReportsBenchmark(BenchSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    new ReportsBenchmark(BenchSettings.fromSystemProperties()).run();
  }

  private void run() throws Exception {
    report.begin("Reports benchmark");
    OperatorToken operator = new OperatorToken(http, settings.keycloakUrl());
    TenantApi platform = new TenantApi(http, settings.baseUrl(), operator);
    platform.awaitHealthy(Duration.ofMinutes(5));
    ApiClient api = new ApiClient(http, settings.baseUrl(), operator);
    int present = activeTenants();
    int wanted = settings.tenants();
    // the recompute benchmark's tenants: 400 action instances each, fifty clients to a firm
    new TenantGenerator(settings, http).ensure(wanted, ACTIONS);
    int tenants = activeTenants();
    report.field(
        "active tenants",
        "%d (%d present before, %d created)",
        tenants,
        present,
        Math.max(0, wanted - present));
    report.field("instances over all tenants", "%d", instances());
    LocalDate day = LocalDate.now(ZoneOffset.UTC);

    long recompute = runJob(api, "/api/v1/platform/score-recomputes?day=" + day);
    report.field("score recomputation first (untimed part)", "%d ms", recompute);

    long offset = Files.size(LibertyServer.messages());
    long total = runJob(api, "/api/v1/platform/report-builds?day=" + day);
    String log = Files.readString(LibertyServer.messages());
    Matcher line = PARTITION.matcher(log.substring((int) Math.min(offset, log.length())));
    long built = 0;
    long summaries = 0;
    long workbooks = 0;
    long skipped = 0;
    int partitions = 0;
    while (line.find()) {
      partitions++;
      built += Long.parseLong(line.group(1));
      summaries += Long.parseLong(line.group(3));
      workbooks += Long.parseLong(line.group(4));
      skipped += Long.parseLong(line.group(5));
    }
    report.field("tenants built / skipped", "%d / %d in %d partitions", built, skipped, partitions);
    report.field("total, start to completed", "%.1f s", total / 1000.0);
    if (built > 0) {
      report.field("per tenant: executive summary (PDF)", "%.1f ms", summaries / (double) built);
      report.field("per tenant: workbook (XLSX)", "%.1f ms", workbooks / (double) built);
      report.field("per tenant: whole run / tenants", "%.1f ms", total / (double) built);
    }
    report.end(settings.resultsFile());
  }

  /** Starts a job at {@code path} (202 with Location) and waits until it completes: its ms. */
  private static long runJob(ApiClient api, String path) throws Exception {
    long began = System.nanoTime();
    ApiClient.Answer started =
        api.exchange("POST", path.replaceFirst("^/api/v1", ""), null, null, Duration.ofMinutes(1));
    if (started.status() != 202) {
      throw new IllegalStateException(
          path + " answered " + started.status() + ": " + started.text());
    }
    JsonNode run = api.read(path, started);
    String status =
        path.replaceFirst("^/api/v1", "").replaceFirst("\\?.*$", "")
            + "/"
            + run.get("executionId").asLong();
    while (true) {
      String state = api.get(status).get("status").asText();
      if ("COMPLETED".equals(state)) {
        return (System.nanoTime() - began) / 1_000_000;
      }
      if (state.equals("FAILED") || state.equals("STOPPED") || state.equals("ABANDONED")) {
        throw new IllegalStateException(status + " ended " + state);
      }
      Thread.sleep(100);
    }
  }

  private int activeTenants() throws Exception {
    return (int) count("SELECT count(*) FROM platform.tenant WHERE status = 'ACTIVE'");
  }

  /** The action instances of every active tenant, summed schema by schema. */
  private long instances() throws Exception {
    long sum = 0;
    try (Connection db = settings.connect();
        Statement statement = db.createStatement();
        ResultSet schemas =
            statement.executeQuery(
                "SELECT schema_name FROM platform.tenant WHERE status = 'ACTIVE'")) {
      java.util.List<String> names = new java.util.ArrayList<>();
      while (schemas.next()) {
        names.add(schemas.getString(1));
      }
      for (String schema : names) {
        sum += count("SELECT count(*) FROM \"" + schema + "\".action_instance");
      }
    }
    return sum;
  }

  private long count(String sql) throws Exception {
    try (Connection db = settings.connect();
        Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
