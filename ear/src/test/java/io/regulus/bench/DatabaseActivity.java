package io.regulus.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the application's PostgreSQL backends did during a run, sampled from {@code
 * pg_stat_activity} every {@link #EVERY_MS} ms on a connection of its own: how many the pool had
 * open, how many were running a statement (and what those waited on, if anything) and how many were
 * idle inside a transaction. A pool whose every connection is busy at most samples is the
 * bottleneck; busy backends waiting on locks or I/O point at the database.
 */
final class DatabaseActivity implements AutoCloseable {

  static final int EVERY_MS = 200;
  private static final String SAMPLE =
      "SELECT state, coalesce(wait_event_type || ':' || wait_event, 'CPU'), CASE WHEN length(query) <= 130"
          + " THEN query ELSE left(query, 70) || ' ... ' || right(query, 55) END FROM pg_stat_activity"
          + " WHERE application_name = 'regulus' AND backend_type = 'client backend'";

  /**
   * Means and peaks over the samples; the busy backends' wait events (CPU: none) and statements
   * (the start and end of their text), each counted once per sample it was seen running in.
   */
  record Summary(
      int samples,
      double openMean,
      int openMax,
      double activeMean,
      int activeMax,
      double idleInTransactionMean,
      Map<String, Integer> waits,
      Map<String, Integer> statements) {

    /**
     * The {@code count} statements seen running most often, with their share of the busy samples.
     */
    List<String> topStatements(int count) {
      int busy = statements.values().stream().mapToInt(Integer::intValue).sum();
      return statements.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(count)
          .map(e -> String.format("%d%% %s", Math.round(100.0 * e.getValue() / busy), e.getKey()))
          .toList();
    }
  }

  private final Connection db;
  private final Thread sampler;
  private volatile boolean running = true;
  private int samples;
  private long open;
  private int openMax;
  private long active;
  private int activeMax;
  private long idleInTransaction;
  private final Map<String, Integer> waits = new TreeMap<>();
  private final Map<String, Integer> statements = new HashMap<>();
  private SQLException failure;

  DatabaseActivity(Connection db) {
    this.db = db;
    this.sampler = new Thread(this::sampleUntilClosed, "bench-pg-activity");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sampleUntilClosed() {
    try (Statement statement = db.createStatement()) {
      while (running) {
        int openNow = 0;
        int activeNow = 0;
        int idleNow = 0;
        try (ResultSet rows = statement.executeQuery(SAMPLE)) {
          while (rows.next()) {
            openNow++;
            String state = rows.getString(1);
            if ("active".equals(state)) {
              activeNow++;
              synchronized (this) {
                waits.merge(rows.getString(2), 1, Integer::sum);
                statements.merge(
                    rows.getString(3).replaceAll("\\s+", " ").strip(), 1, Integer::sum);
              }
            } else if (state != null && state.startsWith("idle in transaction")) {
              idleNow++;
            }
          }
        }
        synchronized (this) {
          samples++;
          open += openNow;
          openMax = Math.max(openMax, openNow);
          active += activeNow;
          activeMax = Math.max(activeMax, activeNow);
          idleInTransaction += idleNow;
        }
        Thread.sleep(EVERY_MS);
      }
    } catch (SQLException e) {
      synchronized (this) {
        failure = e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops sampling; the summary of what was sampled. */
  Summary stop() throws SQLException, InterruptedException {
    running = false;
    sampler.join(5_000);
    synchronized (this) {
      if (failure != null) {
        throw failure;
      }
      double n = Math.max(1, samples);
      return new Summary(
          samples,
          open / n,
          openMax,
          active / n,
          activeMax,
          idleInTransaction / n,
          new TreeMap<>(waits),
          new HashMap<>(statements));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join(5_000);
  }
}
