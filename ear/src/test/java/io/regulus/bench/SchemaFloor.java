package io.regulus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database's share of provisioning, measured alone: on one open JDBC connection, one
 * transaction that runs a bare {@code CREATE SCHEMA} and the tenant migration SQL (the same {@code
 * db/tenant/V*.sql} files, in version order) in it. No HTTP, no token check, no registry rows, no
 * Flyway bookkeeping: the floor a provisioning request cannot go below. The schemas ({@code
 * bench_floor_NN}) are dropped afterwards, untimed.
 */
final class SchemaFloor {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

  private final List<String> migrations;
  private final List<String> files;

  SchemaFloor(Path tenantMigrations) {
    List<Path> paths = versionedMigrations(tenantMigrations);
    this.files = paths.stream().map(path -> path.getFileName().toString()).toList();
    this.migrations = paths.stream().map(SchemaFloor::read).toList();
  }

  List<String> files() {
    return files;
  }

  /**
   * Creates and migrates {@code samples} schemas one after the other; returns each one's time in
   * nanoseconds.
   */
  List<Long> measure(Connection connection, int samples, String label) throws SQLException {
    List<Long> times = new ArrayList<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (int i = 1; i <= samples; i++) {
        String schema = String.format("bench_floor_%s_%02d", label, i);
        long began = System.nanoTime();
        statement.execute("CREATE SCHEMA " + schema);
        statement.execute("SET LOCAL search_path TO " + schema);
        for (String migration : migrations) {
          statement.execute(migration);
        }
        connection.commit();
        times.add(System.nanoTime() - began);
      }
      for (int i = 1; i <= samples; i++) {
        statement.execute(String.format("DROP SCHEMA bench_floor_%s_%02d CASCADE", label, i));
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return times;
  }

  private static List<Path> versionedMigrations(Path dir) {
    try (Stream<Path> listing = Files.list(dir)) {
      List<Path> found =
          listing
              .filter(path -> VERSIONED.matcher(path.getFileName().toString()).matches())
              .sorted(Comparator.comparing(SchemaFloor::version, SchemaFloor::compareVersions))
              .toList();
      if (found.isEmpty()) {
        throw new IllegalStateException("no V*__*.sql tenant migration in " + dir);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the tenant migrations in " + dir, e);
    }
  }

  private static long[] version(Path path) {
    Matcher matcher = VERSIONED.matcher(path.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(path.toString());
    }
    return Arrays.stream(matcher.group(1).split("[._]")).mapToLong(Long::parseLong).toArray();
  }

  private static int compareVersions(long[] a, long[] b) {
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int order = Long.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
