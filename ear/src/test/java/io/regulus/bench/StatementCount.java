package io.regulus.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many SQL statements one request sends to PostgreSQL, counted from the server's own log: for a
 * few requests {@code log_statement} is {@code all} (ALTER SYSTEM and a configuration reload, reset
 * afterwards), and the statements logged while only those requests ran are counted by their first
 * word. pg_stat_statements would need a preloaded library; the stack's server logs to {@code
 * postgres.log} in the stack directory. Run it after the timed passes: logging every statement
 * slows the server down.
 */
final class StatementCount {

  /**
   * Statements per request, and their first words (SELECT, BEGIN, ...) with totals over all the
   * requests.
   */
  record Result(int requests, int statements, Map<String, Integer> byKind) {
    double perRequest() {
      return (double) statements / requests;
    }
  }

  private static final Pattern LOGGED =
      Pattern.compile("LOG:\\s+(?:statement|execute [^:]*):\\s*(\\S+)");

  private StatementCount() {}

  /**
   * @param log the server's log file
   * @param priming requests run first with logging on, not counted: a pooled connection applies the
   *     new setting only from its next command on
   */
  static Result count(Connection db, Path log, int priming, int requests, Runnable request)
      throws SQLException, IOException, InterruptedException {
    try (Statement statement = db.createStatement()) {
      statement.execute("ALTER SYSTEM SET log_statement = 'all'");
      statement.execute("SELECT pg_reload_conf()");
      Thread.sleep(1000);
      try {
        for (int i = 0; i < priming; i++) {
          request.run();
        }
        Thread.sleep(500);
        long from = Files.size(log);
        for (int i = 0; i < requests; i++) {
          request.run();
        }
        Thread.sleep(500);
        long to = Files.size(log);
        return tally(requests, read(log, from, to));
      } finally {
        statement.execute("ALTER SYSTEM RESET log_statement");
        statement.execute("SELECT pg_reload_conf()");
      }
    }
  }

  private static String read(Path log, long from, long to) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      byte[] bytes = new byte[(int) (to - from)];
      file.seek(from);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Result tally(int requests, String logged) {
    Map<String, Integer> kinds = new TreeMap<>();
    int total = 0;
    Matcher matcher = LOGGED.matcher(logged);
    while (matcher.find()) {
      kinds.merge(matcher.group(1).toUpperCase(Locale.ROOT), 1, Integer::sum);
      total++;
    }
    return new Result(requests, total, kinds);
  }
}
