package io.regulus.tenancy.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the catalog says about a tenant schema: its migration version, its tables in load order,
 * their columns. Names come from the catalog or were checked against it, never from input; quoted
 * all the same.
 */
final class TenantTables {

  private TenantTables() {}

  /** A column of a table, in the table's order; {@code file} when its values travel as files. */
  record Column(String name, boolean file) {}

  static String schemaVersion(Connection connection, String schema) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT version FROM "
                    + qualified(schema, "flyway_schema_history")
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("schema " + schema + " has no migration history");
      }
      return rows.getString(1);
    }
  }

  /** The schema's tables (without Flyway's), each after the tables its foreign keys reference. */
  static List<String> inLoadOrder(Connection connection, String schema) throws SQLException {
    Map<String, Set<String>> references = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'"
                + " AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          references.put(rows.getString(1), new LinkedHashSet<>());
        }
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c"
                + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = ?")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String from = unqualified(rows.getString(1));
          String to = unqualified(rows.getString(2));
          if (references.containsKey(from) && !from.equals(to)) {
            references.get(from).add(to);
          }
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String table : references.keySet()) {
      visit(table, references, ordered, visiting);
    }
    return ordered;
  }

  /** The table's columns in order; bytea columns are the ones whose values travel as files. */
  static List<Column> columns(Connection connection, String schema, String table)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT column_name, data_type = 'bytea' FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
      statement.setString(1, schema);
      statement.setString(2, table);
      List<Column> columns = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(new Column(rows.getString(1), rows.getBoolean(2)));
        }
      }
      return columns;
    }
  }

  static List<String> files(List<Column> columns) {
    return columns.stream().filter(Column::file).map(Column::name).toList();
  }

  /** Moves every identity sequence of the schema past the largest value its column holds. */
  static void advanceIdentities(Connection connection, String schema) throws SQLException {
    List<String[]> identities = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND is_identity = 'YES'")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          identities.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    for (String[] identity : identities) {
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max("
                  + quoted(identity[1])
                  + "), 0) + 1, false) FROM "
                  + qualified(schema, identity[0]))) {
        statement.setString(1, qualified(schema, identity[0]));
        statement.setString(2, identity[1]);
        statement.execute();
      }
    }
  }

  static String qualified(String schema, String table) {
    return quoted(schema) + "." + quoted(table);
  }

  static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static void visit(
      String table,
      Map<String, Set<String>> references,
      List<String> ordered,
      Set<String> visiting) {
    if (ordered.contains(table) || !references.containsKey(table)) {
      return;
    }
    if (!visiting.add(table)) {
      throw new IllegalStateException("foreign keys form a cycle through " + table);
    }
    for (String referenced : references.get(table)) {
      visit(referenced, references, ordered, visiting);
    }
    visiting.remove(table);
    ordered.add(table);
  }

  private static String unqualified(String regclass) {
    String name = regclass.substring(regclass.lastIndexOf('.') + 1);
    return name.replace("\"", "");
  }
}
