package io.regulus.tenancy.archive;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * The portable tenant archive: a ZIP of {@code manifest.json} (format, source tenant, the tenant
 * schema version of the data, the tables in load order with their row counts) and one {@code
 * tables/<table>.json} per table, a JSON array of rows keyed by column name. It is written and read
 * by PostgreSQL itself ({@code json_agg}, {@code json_populate_recordset}), so every table of the
 * tenant schema, present or future, travels without per-table code, and each value keeps its exact
 * type.
 */
@ApplicationScoped
public class TenantArchive {

  static final int FORMAT = 1;
  private static final String MANIFEST = "manifest.json";
  private static final String TABLES = "tables/";
  private static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

  @Resource(lookup = "jdbc/regulus")
  private DataSource dataSource;

  /** Reads the whole schema in one repeatable-read snapshot; called outside any JTA transaction. */
  public byte[] export(String schema, String tenantSlug) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        // in SQL, not through the JDBC setters: the pooled connection keeps its configured defaults
        try (PreparedStatement snapshot =
            connection.prepareStatement(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
          snapshot.execute();
        }
        String version = schemaVersion(connection, schema);
        List<String> tables = tablesInLoadOrder(connection, schema);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
          var manifestTables = Json.createArrayBuilder();
          for (String table : tables) {
            String json = rowsAsJson(connection, schema, table);
            long rows = count(connection, schema, table);
            manifestTables.add(Json.createObjectBuilder().add("name", table).add("rows", rows));
            zip.putNextEntry(new ZipEntry(TABLES + table + ".json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
          }
          JsonObject manifest =
              Json.createObjectBuilder()
                  .add("format", FORMAT)
                  .add("tenant", tenantSlug)
                  .add("schemaVersion", version)
                  .add("exportedAt", Instant.now().toString())
                  .add("tables", manifestTables)
                  .build();
          zip.putNextEntry(new ZipEntry(MANIFEST));
          zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
        connection.commit();
        return bytes.toByteArray();
      } catch (SQLException | IOException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("export of schema " + schema + " failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads and checks an archive completely, before anything is created from it. */
  public static ArchiveContents read(byte[] archive) {
    Map<String, String> entries = new HashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        byte[] content = zip.readNBytes((int) Math.min(MAX_ENTRY_BYTES, Integer.MAX_VALUE - 8));
        if (zip.read() != -1) {
          throw new InvalidArchiveException(
              "entry " + entry.getName() + " is larger than the import limit");
        }
        entries.put(entry.getName(), new String(content, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new InvalidArchiveException("it is not a readable ZIP file (" + e.getMessage() + ")");
    }
    if (!entries.containsKey(MANIFEST)) {
      throw new InvalidArchiveException(
          "it has no " + MANIFEST + " (is it a ZIP made by a Regulus export?)");
    }
    JsonObject manifest = parseObject(entries.get(MANIFEST));
    if (manifest.getInt("format", -1) != FORMAT) {
      throw new InvalidArchiveException("its format is not " + FORMAT);
    }
    String version = manifest.getString("schemaVersion", null);
    if (version == null || !version.matches("\\d+(\\.\\d+)*")) {
      throw new InvalidArchiveException("its manifest names no valid schemaVersion");
    }
    List<ArchiveContents.Table> tables = new ArrayList<>();
    for (JsonValue value :
        manifest.getJsonArray("tables") == null
            ? List.<JsonValue>of()
            : manifest.getJsonArray("tables")) {
      JsonObject table = value.asJsonObject();
      String name = table.getString("name", "");
      if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new InvalidArchiveException(
            "its manifest names a table '" + name + "' that no schema can hold");
      }
      String json = entries.get(TABLES + name + ".json");
      if (json == null) {
        throw new InvalidArchiveException(
            "the file " + TABLES + name + ".json named by its manifest is missing");
      }
      long rows = parseArray(json, name).size();
      if (rows != table.getJsonNumber("rows").longValue()) {
        throw new InvalidArchiveException(
            "table "
                + name
                + " has "
                + rows
                + " rows where the manifest says "
                + table.getJsonNumber("rows"));
      }
      tables.add(new ArchiveContents.Table(name, rows, json));
    }
    return new ArchiveContents(manifest.getString("tenant", ""), version, tables);
  }

  /**
   * Loads the archive's rows into an empty, migrated schema in one transaction (all or nothing),
   * then moves every identity sequence past the loaded ids. The archive's tables must be exactly
   * the schema's tables.
   */
  public void load(String schema, ArchiveContents contents) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Set<String> expected = new LinkedHashSet<>(tablesInLoadOrder(connection, schema));
        Set<String> given = new LinkedHashSet<>();
        contents.tables().forEach(t -> given.add(t.name()));
        if (!expected.equals(given)) {
          throw new InvalidArchiveException(
              "its tables "
                  + given
                  + " are not the tables of schema version "
                  + contents.schemaVersion()
                  + " "
                  + expected);
        }
        Map<String, ArchiveContents.Table> byName = new LinkedHashMap<>();
        contents.tables().forEach(t -> byName.put(t.name(), t));
        for (String table : expected) {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO "
                      + qualified(schema, table)
                      + " OVERRIDING SYSTEM VALUE"
                      + " SELECT * FROM json_populate_recordset(NULL::"
                      + qualified(schema, table)
                      + ", ?::json)")) {
            insert.setString(1, byName.get(table).json());
            insert.executeUpdate();
          }
        }
        advanceIdentities(connection, schema);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        if (e instanceof SQLException sql) {
          throw new InvalidArchiveException(
              "its rows do not fit the schema (" + sql.getMessage() + ")");
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("import into schema " + schema + " failed", e);
    }
  }

  private static String schemaVersion(Connection connection, String schema) throws SQLException {
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
  private static List<String> tablesInLoadOrder(Connection connection, String schema)
      throws SQLException {
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

  private static String rowsAsJson(Connection connection, String schema, String table)
      throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT coalesce(json_agg(t), '[]')::text FROM "
                    + qualified(schema, table)
                    + " t");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static long count(Connection connection, String schema, String table)
      throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM " + qualified(schema, table));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void advanceIdentities(Connection connection, String schema) throws SQLException {
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
              "SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max(\""
                  + identity[1]
                  + "\"), 0) + 1, false)"
                  + " FROM "
                  + qualified(schema, identity[0]))) {
        statement.setString(1, qualified(schema, identity[0]));
        statement.setString(2, identity[1]);
        statement.execute();
      }
    }
  }

  /**
   * Names come from the catalog or were checked against it, never from input; quoted all the same.
   */
  private static String qualified(String schema, String table) {
    return "\"" + schema + "\".\"" + table + "\"";
  }

  private static JsonObject parseObject(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    } catch (JsonException | ClassCastException e) {
      throw new InvalidArchiveException("its manifest is not a JSON object");
    }
  }

  private static JsonArray parseArray(String json, String table) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    } catch (JsonException | ClassCastException e) {
      throw new InvalidArchiveException("table " + table + " is not a JSON array of rows");
    }
  }
}
