package io.regulus.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC reads of the test database, to check what the API stored and where. */
final class TestDatabase {

  static final String URL =
      System.getProperty("regulus.db-url", "jdbc:postgresql://127.0.0.1:25432/regulus");

  private TestDatabase() {}

  /** A new connection to the test database, for a test that plays another node's transaction. */
  static Connection connect() {
    try {
      return DriverManager.getConnection(URL, "postgres", "postgres");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "postgres");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one change (a test that stages a state the API cannot reach in time, such as expiry). */
  static int update(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "postgres");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each row of a query as text, in the query's order. */
  static java.util.List<String> rows(String sql) {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", "postgres");
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet result = statement.executeQuery()) {
      java.util.List<String> rows = new java.util.ArrayList<>();
      while (result.next()) {
        rows.add(result.getString(1));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long schemas() {
    return count("SELECT count(*) FROM pg_namespace");
  }

  static boolean schemaExists(String schema) {
    return count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", schema) == 1;
  }
}
