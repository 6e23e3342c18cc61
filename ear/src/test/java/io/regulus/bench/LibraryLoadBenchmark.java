package io.regulus.bench;

import io.regulus.it.LibertyServer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in library's load at start-up (docs/library.md), timed by the server itself, beside a
 * floor measured in the same run.
 *
 * <ol>
 *   <li><b>First start</b>, {@code bench.runs} times: Liberty stopped, the platform's library
 *       emptied (every template, version, control, mapping, library action and import: a database
 *       as a first start finds it), Liberty started. Timed from the loader's transaction (the
 *       {@code library_load} row's time, the transaction's start) to the NIST import job's last
 *       write (every template published, NIST through the OSCAL import job). Target: under 5 s.
 *   <li><b>Unchanged</b>, {@code bench.runs} times: Liberty stopped and started with the same
 *       files; the time the start-up task logs (digest of the files, one query). Target: under 1 s.
 *   <li><b>Floor</b>: the rows the first load writes (library actions, controls of every version,
 *       mappings) inserted again by plain JDBC batches into scratch copies of the tables, in one
 *       transaction; median of as many runs.
 * </ol>
 */
public final class LibraryLoadBenchmark {

  private static final String TABLES =
      "platform.template_import_item, platform.template_import, platform.template_push_client,"
          + " platform.template_push, platform.template_grant, platform.template_control_action,"
          + " platform.template_control, platform.template_version, platform.template,"
          + " platform.library_action, platform.library_load";
  private static final Pattern UNCHANGED =
      Pattern.compile("built-in library unchanged \\((\\d+) ms\\)");
  private static final Pattern LOADED = Pattern.compile("built-in library: .*\\((\\d+) ms\\)");

  private final BenchSettings settings;
  private final int runs;
  private final Report report = new Report();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private LibraryLoadBenchmark(BenchSettings settings, int runs) {
    this.settings = settings;
    this.runs = runs;
  }

  public static void main(String[] args) throws Exception {
    new LibraryLoadBenchmark(
            BenchSettings.fromSystemProperties(),
            Integer.parseInt(System.getProperty("bench.runs", "5").trim()))
        .run();
  }

  private void run() throws Exception {
    report.begin("Built-in library load benchmark");
    TenantApi platform = new TenantApi(http, settings.baseUrl(), null);
    platform.awaitHealthy(Duration.ofMinutes(5));
    List<Long> first = new ArrayList<>();
    List<Long> loader = new ArrayList<>();
    List<Long> unchanged = new ArrayList<>();
    List<Long> floors = new ArrayList<>();
    String rows = "";
    for (int i = 0; i < runs; i++) {
      LibertyServer.stop();
      try (Connection db = settings.connect();
          Statement statement = db.createStatement()) {
        statement.execute("TRUNCATE " + TABLES + " CASCADE");
      }
      LibertyServer.launch();
      platform.awaitHealthy(Duration.ofMinutes(5));
      first.add(firstLoadMillis());
      loader.add(logged(LOADED));
      rows = rows();
      floors.add(floor());

      LibertyServer.stop();
      LibertyServer.launch();
      platform.awaitHealthy(Duration.ofMinutes(5));
      unchanged.add(logged(UNCHANGED));
    }
    report.field("written by the first load", "%s", rows);
    report.field(
        "first start: all templates (" + runs + " runs)", "median %d ms %s", median(first), first);
    report.field("  of which the JSON templates", "median %d ms %s", median(loader), loader);
    report.field(
        "unchanged files (" + runs + " runs)", "median %d ms %s", median(unchanged), unchanged);
    report.field("floor: the same rows by JDBC batch", "median %d ms %s", median(floors), floors);
    report.field("ratio first load / floor", "%.1f", median(first) / (double) median(floors));
    report.field("target: first load < 5 s", "%s", median(first) < 5_000 ? "MET" : "NOT MET");
    report.field("target: unchanged < 1 s", "%s", median(unchanged) < 1_000 ? "MET" : "NOT MET");
    report.end(settings.resultsFile());
  }

  /**
   * From the loader's transaction to the NIST import's last write, both by the server's clock;
   * waits until the import is published (at most 2 minutes).
   */
  private long firstLoadMillis() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      try (Connection db = settings.connect();
          Statement statement = db.createStatement();
          ResultSet result =
              statement.executeQuery(
                  "SELECT round(extract(epoch FROM (i.updated_at - l.loaded_at)) * 1000)"
                      + " FROM platform.template_import i, platform.library_load l"
                      + " WHERE i.owner_kind = 'GLOBAL' AND i.status = 'PUBLISHED'")) {
        if (result.next()) {
          return result.getLong(1);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the library's NIST import was not published in 2 minutes");
  }

  /**
   * The milliseconds the start-up task logged in this start of the server (after the log's last
   * "server launched" line: Liberty may or may not have rolled the log over); waits for the line.
   */
  private static long logged(Pattern line) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      String log = Files.readString(LibertyServer.messages());
      Matcher found = line.matcher(log.substring(Math.max(0, log.lastIndexOf("CWWKE0001I"))));
      if (found.find()) {
        return Long.parseLong(found.group(1));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no line " + line + " in " + LibertyServer.messages());
  }

  private String rows() throws Exception {
    try (Connection db = settings.connect();
        Statement statement = db.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT (SELECT count(*) FROM platform.library_action),"
                    + " (SELECT count(*) FROM platform.template_version),"
                    + " (SELECT count(*) FROM platform.template_control),"
                    + " (SELECT count(*) FROM platform.template_control_action)")) {
      result.next();
      return String.format(
          "%d actions, %d versions, %d controls, %d mappings",
          result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4));
    }
  }

  /** The library's rows inserted again by JDBC batches into scratch copies; milliseconds. */
  private long floor() throws Exception {
    List<String> tables = List.of("library_action", "template_control", "template_control_action");
    try (Connection db = settings.connect();
        Statement statement = db.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS bench_library_floor CASCADE");
      statement.execute("CREATE SCHEMA bench_library_floor");
      for (String table : tables) {
        statement.execute(
            "CREATE TABLE bench_library_floor."
                + table
                + " (LIKE platform."
                + table
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
      }
      List<SqlRows> rows = new ArrayList<>();
      for (String table : tables) {
        rows.add(SqlRows.select(db, "SELECT * FROM platform." + table));
      }
      db.setAutoCommit(false);
      long began = System.nanoTime();
      for (int t = 0; t < tables.size(); t++) {
        rows.get(t).insert(db, "bench_library_floor." + tables.get(t));
      }
      db.commit();
      long took = (System.nanoTime() - began) / 1_000_000;
      db.setAutoCommit(true);
      statement.execute("DROP SCHEMA bench_library_floor CASCADE");
      return took;
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
