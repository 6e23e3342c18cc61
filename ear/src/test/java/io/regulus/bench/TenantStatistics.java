package io.regulus.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The planner statistics of a tenant's tables. A tenant built a moment ago has none until
 * autovacuum analyzes its tables (up to a minute later, once enough rows changed), and PostgreSQL
 * plans its queries from default guesses in the meantime; a benchmark of steady state analyzes them
 * first.
 */
final class TenantStatistics {

  private TenantStatistics() {}

  /** The schema of a tenant: {@code tenant_} + its slug with '-' as '_'. */
  static String schema(String tenant) {
    return "tenant_" + tenant.replace('-', '_');
  }

  /** How many of the tenant's tables were never analyzed (by autovacuum or by hand). */
  static int unanalyzed(Connection db, String tenant) throws SQLException {
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT count(*) FROM pg_stat_user_tables"
                + " WHERE schemaname = ? AND last_analyze IS NULL AND last_autoanalyze IS NULL")) {
      statement.setString(1, schema(tenant));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Analyzes every table of the tenant; returns how many. */
  static int analyze(Connection db, String tenant) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement statement =
        db.prepareStatement(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables"
                + " WHERE schemaname = ?")) {
      statement.setString(1, schema(tenant));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    try (Statement statement = db.createStatement()) {
      for (String table : tables) {
        statement.execute("ANALYZE " + table);
      }
    }
    return tables.size();
  }
}
