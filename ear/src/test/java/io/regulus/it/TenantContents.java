package io.regulus.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant schema's contents as comparable text: for each table (Flyway's aside), its rows in a
 * fixed order, each as JSON with every bytea value replaced by its SHA-256, so two schemas holding
 * the same rows and files compare equal however large the files are.
 */
public final class TenantContents {

  private TenantContents() {}

  /** Table name to its rows (sorted), read over {@code connection}. */
  public static Map<String, List<String>> of(Connection connection, String schema)
      throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (String table : tables(connection, schema)) {
      List<String> files = byteaColumns(connection, schema, table);
      StringBuilder row = new StringBuilder("(to_jsonb(t)");
      files.forEach(c -> row.append(" - '").append(c).append('\''));
      row.append(")");
      for (String column : files) {
        row.append(" || jsonb_build_object('")
            .append(column)
            .append("', encode(sha256(t.\"")
            .append(column)
            .append("\"), 'hex'))");
      }
      String sql =
          "SELECT x FROM (SELECT ("
              + row
              + ")::text AS x FROM \""
              + schema
              + "\".\""
              + table
              + "\" t) r ORDER BY x";
      List<String> rows = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql);
          ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
      tables.put(table, rows);
    }
    return tables;
  }

  private static List<String> tables(Connection connection, String schema) throws SQLException {
    return strings(
        connection,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
            + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY 1",
        schema);
  }

  private static List<String> byteaColumns(Connection connection, String schema, String table)
      throws SQLException {
    return strings(
        connection,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
            + " AND data_type = 'bytea' ORDER BY ordinal_position",
        schema,
        table);
  }

  private static List<String> strings(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          values.add(result.getString(1));
        }
      }
      return values;
    }
  }
}
