package io.regulus.bench;

import io.regulus.scoring.ScoringRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database's share of a score request, measured alone: on one open JDBC connection, one transaction that binds
 * the tenant schema as the application does ({@code set_config('search_path', schema, true)}) and runs the three
 * queries of {@code ScoringRepository.load}, reading every column of every row. No HTTP, no token, no registry
 * lookup, no scoring, no JSON: what a dashboard request cannot go below. The SQL is ScoringRepository's own.
 */
final class ScoringFloor {

  static final List<String> QUERIES =
      List.of(ScoringRepository.ACTIONS, ScoringRepository.ASSESSMENTS, ScoringRepository.STATES);

  private final String schema;
  private final long[] rows = new long[QUERIES.size()];

  /** @param tenant the tenant's slug; its schema is {@code tenant_} + the slug with '-' as '_' */
  ScoringFloor(String tenant) {
    this.schema = "tenant_" + tenant.replace('-', '_');
  }

  String schema() {
    return schema;
  }

  /** Rows each query returned in the last sample. */
  long[] rows() {
    return rows.clone();
  }

  /** Runs {@code samples} transactions one after the other; returns each one's time in nanoseconds. */
  List<Long> measure(Connection connection, int samples) throws SQLException {
    List<Long> times = new ArrayList<>(samples);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    List<PreparedStatement> statements = new ArrayList<>();
    try {
      PreparedStatement bind = connection.prepareStatement("SELECT set_config('search_path', ?, true)");
      statements.add(bind);
      for (String sql : QUERIES) {
        statements.add(connection.prepareStatement(sql));
      }
      for (int sample = 0; sample < samples; sample++) {
        long began = System.nanoTime();
        bind.setString(1, schema);
        try (ResultSet result = bind.executeQuery()) {
          result.next();
        }
        for (int q = 0; q < QUERIES.size(); q++) {
          rows[q] = readAll(statements.get(q + 1));
        }
        connection.commit();
        times.add(System.nanoTime() - began);
      }
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      for (PreparedStatement statement : statements) {
        statement.close();
      }
      connection.setAutoCommit(autoCommit);
    }
    return times;
  }

  private static long readAll(PreparedStatement statement) throws SQLException {
    long count = 0;
    try (ResultSet result = statement.executeQuery()) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        for (int c = 1; c <= columns; c++) {
          result.getObject(c);
        }
        count++;
      }
    }
    return count;
  }
}
