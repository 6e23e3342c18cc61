package io.regulus.bench;

import io.regulus.action.ActionRepository;
import io.regulus.scoring.ScoringRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database's share of a request, measured alone: on one open JDBC connection, one transaction
 * that enters the tenant schema as the application does ({@code TenantBinding.ENTER}: the tenant's
 * shared lock, its status, the search path) and runs the request's queries, reading every column of
 * every row. No HTTP, no token, no registry lookup, no computing, no JSON: what the request cannot
 * go below. The SQL is the application's own constants.
 */
final class SqlFloor {

  /**
   * The three queries of {@code ScoringRepository.load}: what a dashboard (or scores) request
   * reads.
   */
  static final List<String> SCORING =
      List.of(ScoringRepository.ACTIONS, ScoringRepository.ASSESSMENTS, ScoringRepository.STATES);

  /** The actions list's query ({@code ActionRepository.all}), then the three scoring queries. */
  static final List<String> ACTIONS_LIST =
      List.of(
          ActionRepository.ALL,
          ScoringRepository.ACTIONS,
          ScoringRepository.ASSESSMENTS,
          ScoringRepository.STATES);

  private final String schema;
  private final List<String> queries;
  private final long[] rows;

  /**
   * @param tenant the tenant's slug; its schema is {@code tenant_} + the slug with '-' as '_'
   */
  SqlFloor(String tenant, List<String> queries) {
    this.schema = TenantStatistics.schema(tenant);
    this.queries = List.copyOf(queries);
    this.rows = new long[queries.size()];
  }

  String schema() {
    return schema;
  }

  /** Rows each query returned in the last sample. */
  long[] rows() {
    return rows.clone();
  }

  /** One transaction, timed: a sample of a sequential pass. */
  ApiClient.Timed sample(Connection connection) throws SQLException {
    return new ApiClient.Timed(measure(connection, 1).get(0), 0);
  }

  /**
   * Runs {@code samples} transactions one after the other; returns each one's time in nanoseconds.
   */
  List<Long> measure(Connection connection, int samples) throws SQLException {
    List<Long> times = new ArrayList<>(samples);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    List<PreparedStatement> statements = new ArrayList<>();
    try {
      PreparedStatement bind = connection.prepareStatement(io.regulus.tenancy.TenantBinding.ENTER);
      statements.add(bind);
      for (String sql : queries) {
        statements.add(connection.prepareStatement(sql));
      }
      for (int sample = 0; sample < samples; sample++) {
        long began = System.nanoTime();
        bind.setString(1, schema);
        try (ResultSet result = bind.executeQuery()) {
          result.next();
        }
        for (int q = 0; q < queries.size(); q++) {
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
