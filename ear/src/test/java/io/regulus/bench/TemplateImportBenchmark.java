package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.regulus.it.GeneratedWorkbook;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Template imports end to end through the API, beside a floor measured in the same run.
 *
 * <ol>
 *   <li>NIST SP 800-53 MODERATE (the resolved profile catalog, OSCAL JSON) imported into a tenant
 *       {@code bench.runs} times (after one warm-up): from the POST of the file to the import read
 *       back as PUBLISHED (validation, staging in checkpointed chunks, publication), polled every
 *       20 ms. Target: under 5 seconds.
 *   <li>The floor: the same rows (the published version's controls, actions and mappings) inserted
 *       by plain JDBC batches into a scratch schema, in one transaction, the same number of times.
 *   <li>A generated workbook of {@code bench.actions} actions (50,000 by default) and as many
 *       controls imported once, with the server's heap measured from its GC log around it (after a
 *       full collection before and after). Target: the heap grows by less than 256 MB.
 * </ol>
 */
public final class TemplateImportBenchmark {

  static final String TENANT = "bench-import";
  static final Path MODERATE =
      Path.of(
          System.getProperty("bench.data-dir", "../data"),
          "oscal",
          "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json");
  static final long TARGET_GROWTH_MB = 256;

  private final BenchSettings settings;
  private final int runs;
  private final int actions;
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private TemplateImportBenchmark(BenchSettings settings, int runs, int actions) {
    this.settings = settings;
    this.runs = runs;
    this.actions = actions;
  }

  public static void main(String[] args) throws Exception {
    new TemplateImportBenchmark(
            BenchSettings.fromSystemProperties(),
            Integer.parseInt(System.getProperty("bench.runs", "5").trim()),
            Integer.parseInt(System.getProperty("bench.actions", "50000").trim()))
        .run();
  }

  private void run() throws Exception {
    report.begin("Template import benchmark");
    report.field("server", settings.baseUrl());
    OperatorToken operator = new OperatorToken(http, settings.keycloakUrl());
    TenantApi platform = new TenantApi(http, settings.baseUrl(), operator);
    platform.awaitHealthy(Duration.ofMinutes(5));
    TenantAdmin owner = TenantAdmin.create(http, settings, platform, TENANT);
    byte[] moderate = Files.readAllBytes(MODERATE);

    importOnce(owner, "warm-up", "oscal", moderate);
    List<Long> imports = new ArrayList<>();
    List<Long> floors = new ArrayList<>();
    String published = null;
    for (int i = 0; i < runs; i++) {
      published = "moderate-" + i;
      imports.add(importOnce(owner, published, "oscal", moderate));
      floors.add(floor(published));
    }
    Collections.sort(imports);
    Collections.sort(floors);
    long median = imports.get(runs / 2);
    long floor = floors.get(runs / 2);
    report.field(
        "MODERATE end to end (" + runs + " runs)",
        "median %.2f s (min %.2f s, max %.2f s)",
        median / 1e9,
        imports.get(0) / 1e9,
        imports.get(runs - 1) / 1e9);
    report.field(
        "floor: the same rows by JDBC batch", "median %.3f s (%s)", floor / 1e9, rows(published));
    report.field("ratio import / floor", "%.1f", median / (double) floor);
    report.field("target: MODERATE < 5 s", "%s", median < 5_000_000_000L ? "MET" : "NOT MET");

    report.line("");
    byte[] workbook = GeneratedWorkbook.of(actions);
    report.field(
        "generated workbook",
        "%d actions and %d controls, %.1f MB",
        actions,
        actions,
        workbook.length / (double) (1 << 20));
    ServerHeap heap =
        ServerHeap.of(
            System.getProperty("bench.liberty-server", "regulus-bench"),
            settings.workDir().resolve("liberty-gc.log"));
    ServerHeap.Full first = heap.collect();
    long baseline = first.afterMb();
    heap.mark();
    long took = importOnce(owner, "generated", "excel", workbook);
    ServerHeap.Phase phase = heap.phase();
    ServerHeap.Full closing = heap.collect();
    long growth =
        (phase.collections() == 0
                ? closing.beforeMb()
                : Math.max(phase.peakAfterMb(), closing.afterMb()))
            - baseline;
    report.field(
        "generated workbook import",
        "%.1f s; %d collections during it (largest heap after one %d MB); baseline %d MB,"
            + " heap size %d MB; growth +%d MB",
        took / 1e9,
        phase.collections(),
        phase.peakAfterMb(),
        baseline,
        closing.capacityMb(),
        growth);
    report.field(
        "target: heap growth < 256 MB",
        "%s (+%d MB)",
        growth < TARGET_GROWTH_MB ? "MET" : "NOT MET",
        growth);
    report.end(settings.resultsFile());
  }

  /** One import from the POST to PUBLISHED, in nanoseconds. */
  private long importOnce(TenantAdmin owner, String key, String format, byte[] file)
      throws InterruptedException {
    long began = System.nanoTime();
    JsonNode started =
        owner
            .api()
            .postFile(owner.path() + "/template-imports?key=" + key + "&format=" + format, file);
    String path = owner.path() + "/template-imports/" + started.path("id").asLong();
    while (true) {
      JsonNode state = owner.api().get(path);
      String status = state.path("status").asText();
      if (status.equals("PUBLISHED")) {
        return System.nanoTime() - began;
      }
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        throw new IllegalStateException("import " + key + " ended " + state);
      }
      Thread.sleep(20);
    }
  }

  private String schema() {
    return "tenant_" + TENANT.replace('-', '_');
  }

  private static final String CONTROLS =
      "SELECT c.* FROM %1$s.private_control c JOIN %1$s.private_template_version v ON v.id ="
          + " c.version_id JOIN %1$s.private_template t ON t.id = v.template_id"
          + " WHERE t.template_key = '%2$s'";

  private String rows(String key) throws Exception {
    try (Connection db = settings.connect();
        Statement statement = db.createStatement();
        ResultSet count =
            statement.executeQuery(
                "SELECT count(*) FROM (" + String.format(CONTROLS, schema(), key) + ") c")) {
      count.next();
      return count.getLong(1) + " controls with their actions and mappings";
    }
  }

  /**
   * The published version's rows inserted again by JDBC batches into a scratch schema's copies of
   * the tables, in one transaction; nanoseconds.
   */
  private long floor(String key) throws Exception {
    String schema = schema();
    try (Connection db = settings.connect();
        Statement statement = db.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS bench_floor CASCADE");
      statement.execute("CREATE SCHEMA bench_floor");
      for (String table : List.of("action", "private_control", "private_control_action")) {
        statement.execute(
            "CREATE TABLE bench_floor."
                + table
                + " (LIKE "
                + schema
                + "."
                + table
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
      }
      SqlRows controls = SqlRows.select(db, String.format(CONTROLS, schema, key));
      SqlRows actions =
          SqlRows.select(
              db,
              "SELECT DISTINCT a.* FROM "
                  + schema
                  + ".action a JOIN "
                  + schema
                  + ".private_control_action m ON m.action_id = a.id JOIN ("
                  + String.format(CONTROLS, schema, key)
                  + ") c ON c.id = m.control_id");
      SqlRows mappings =
          SqlRows.select(
              db,
              "SELECT m.* FROM "
                  + schema
                  + ".private_control_action m JOIN ("
                  + String.format(CONTROLS, schema, key)
                  + ") c ON c.id = m.control_id");
      db.setAutoCommit(false);
      long began = System.nanoTime();
      actions.insert(db, "bench_floor.action");
      controls.insert(db, "bench_floor.private_control");
      mappings.insert(db, "bench_floor.private_control_action");
      db.commit();
      long took = System.nanoTime() - began;
      db.setAutoCommit(true);
      statement.execute("DROP SCHEMA bench_floor CASCADE");
      return took;
    }
  }
}
