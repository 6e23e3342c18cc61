package io.regulus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@code pg_dump} of the whole database in custom format (compressed), to a file under the
 * stack directory that is deleted once measured: wall time, exit code, size, and the most locks
 * pg_dump held at once (sampled from {@code pg_locks} every 100 ms by a second connection), which
 * is what {@code max_locks_per_transaction} must leave room for.
 */
final class PgDumpRun {

  /** The outcome; {@code exitCode} -1 when pg_dump could not be started at all. */
  record Result(
      String command,
      String version,
      int exitCode,
      long wallNanos,
      long bytes,
      long peakLocks,
      String errorTail) {

    boolean succeeded() {
      return exitCode == 0;
    }
  }

  private final BenchSettings settings;

  PgDumpRun(BenchSettings settings) {
    this.settings = settings;
  }

  Result run() throws IOException, InterruptedException {
    Path dump = settings.workDir().resolve("bench-dump.pgdump");
    Path errors = settings.workDir().resolve("bench-dump.stderr");
    Files.deleteIfExists(dump);
    String version = version();
    List<String> command =
        List.of(
            settings.pgDump(),
            "--format=custom",
            "--file=" + dump,
            "--host=" + settings.dbHost(),
            "--port=" + settings.dbPort(),
            "--username=" + settings.dbUser(),
            "--no-password",
            settings.dbName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile());
    builder.environment().put("PGPASSWORD", settings.dbPassword());
    AtomicLong peakLocks = new AtomicLong();
    AtomicBoolean dumping = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> sampleLocks(dumping, peakLocks), "pg-dump-locks");
    long began = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Result(String.join(" ", command), version, -1, 0, 0, 0, e.getMessage());
    }
    sampler.start();
    if (!process.waitFor(60, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    long wall = System.nanoTime() - began;
    dumping.set(false);
    sampler.join();
    long bytes = Files.exists(dump) ? Files.size(dump) : 0;
    Files.deleteIfExists(dump);
    String tail = tail(errors);
    Files.deleteIfExists(errors);
    return new Result(
        String.join(" ", command),
        version,
        process.exitValue(),
        wall,
        bytes,
        peakLocks.get(),
        tail);
  }

  private String version() {
    try {
      Process process =
          new ProcessBuilder(settings.pgDump(), "--version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      process.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "not found (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private void sampleLocks(AtomicBoolean dumping, AtomicLong peak) {
    String sql =
        "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE a.application_name = 'pg_dump'";
    try (Connection connection = settings.connect();
        Statement statement = connection.createStatement()) {
      while (dumping.get()) {
        try (ResultSet result = statement.executeQuery(sql)) {
          result.next();
          peak.accumulateAndGet(result.getLong(1), Math::max);
        }
        Thread.sleep(100);
      }
    } catch (SQLException e) {
      System.out.println("[bench] lock sampling stopped: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    List<String> lines = Files.readAllLines(file);
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).trim();
  }
}
