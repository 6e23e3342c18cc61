package io.regulus.tenancy.archive;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * Loads a checked archive into an empty schema migrated to its version, in the connection's
 * transaction: table by table in load order, rows in batches through {@code
 * json_populate_recordset}, or one by one with each file streamed into its bytea column (and its
 * SHA-256 checked again on the way).
 */
final class ArchiveLoader {

  private static final int BATCH_ROWS = 1000;
  private static final int BATCH_CHARS = 4 << 20;

  private final Connection connection;
  private final String schema;
  private final ZipFile zip;
  private final ArchiveContents contents;

  private ArchiveLoader(
      Connection connection, String schema, ZipFile zip, ArchiveContents contents) {
    this.connection = connection;
    this.schema = schema;
    this.zip = zip;
    this.contents = contents;
  }

  static void load(Connection connection, String schema, ZipFile zip, ArchiveContents contents)
      throws SQLException, IOException {
    new ArchiveLoader(connection, schema, zip, contents).load();
  }

  private void load() throws SQLException, IOException {
    List<String> expected = TenantTables.inLoadOrder(connection, schema);
    Map<String, ArchiveContents.Table> given =
        contents.tables().stream()
            .collect(Collectors.toMap(ArchiveContents.Table::name, Function.identity()));
    if (!new LinkedHashSet<>(expected).equals(given.keySet())) {
      throw new InvalidArchiveException(
          "its tables "
              + new java.util.TreeSet<>(given.keySet())
              + " are not the tables of schema version "
              + contents.schemaVersion()
              + " "
              + new java.util.TreeSet<>(expected));
    }
    // rows a migration seeded (the default alert policies) give way to the archive's own
    try (java.sql.Statement clear = connection.createStatement()) {
      for (int i = expected.size() - 1; i >= 0; i--) {
        clear.executeUpdate("DELETE FROM " + TenantTables.qualified(schema, expected.get(i)));
      }
    }
    for (String table : expected) {
      List<TenantTables.Column> columns = TenantTables.columns(connection, schema, table);
      try (RowSource rows =
          RowSource.of(
              contents.format(),
              zip.getInputStream(zip.getEntry(given.get(table).entry())),
              table)) {
        if (contents.format() != ArchiveContents.FORMAT_JSON_ARRAYS
            && !TenantTables.files(columns).isEmpty()) {
          oneByOne(table, columns, rows);
        } else {
          inBatches(table, columns, rows);
        }
      }
    }
    TenantTables.advanceIdentities(connection, schema);
  }

  private void inBatches(String table, List<TenantTables.Column> columns, RowSource rows)
      throws SQLException {
    String names = names(columns, "");
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + TenantTables.qualified(schema, table)
                + " ("
                + names
                + ") OVERRIDING SYSTEM VALUE SELECT "
                + names(columns, "r.")
                + " FROM json_populate_recordset(NULL::"
                + TenantTables.qualified(schema, table)
                + ", CAST(? AS json)) r")) {
      StringBuilder batch = new StringBuilder();
      int count = 0;
      for (String row; (row = rows.next()) != null; ) {
        batch.append(count == 0 ? '[' : ',').append(row);
        if (++count == BATCH_ROWS || batch.length() > BATCH_CHARS) {
          insert.setString(1, batch.append(']').toString());
          insert.executeUpdate();
          batch.setLength(0);
          count = 0;
        }
      }
      if (count > 0) {
        insert.setString(1, batch.append(']').toString());
        insert.executeUpdate();
      }
    }
  }

  private void oneByOne(String table, List<TenantTables.Column> columns, RowSource rows)
      throws SQLException, IOException {
    List<String> files = TenantTables.files(columns);
    StringBuilder values = new StringBuilder();
    for (TenantTables.Column column : columns) {
      values.append(values.isEmpty() ? "" : ", ");
      values.append(column.file() ? "CAST(? AS bytea)" : "r." + TenantTables.quoted(column.name()));
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + TenantTables.qualified(schema, table)
                + " ("
                + names(columns, "")
                + ") OVERRIDING SYSTEM VALUE SELECT "
                + values
                + " FROM json_populate_record(NULL::"
                + TenantTables.qualified(schema, table)
                + ", CAST(? AS json)) r")) {
      long index = 0;
      for (String row; (row = rows.next()) != null; index++) {
        Set<InputStream> opened = new LinkedHashSet<>();
        try {
          Map<String, MessageDigest> digests = new java.util.HashMap<>();
          for (int i = 0; i < files.size(); i++) {
            ArchiveContents.File file =
                contents.files().get(ArchiveContents.filePath(table, files.get(i), index));
            if (file == null) {
              insert.setNull(i + 1, Types.BINARY);
            } else {
              MessageDigest digest = ArchiveWriter.sha256();
              InputStream in =
                  new DigestInputStream(zip.getInputStream(zip.getEntry(file.path())), digest);
              opened.add(in);
              digests.put(file.path(), digest);
              insert.setBinaryStream(i + 1, in, file.size());
            }
          }
          insert.setString(files.size() + 1, row);
          insert.executeUpdate();
          for (Map.Entry<String, MessageDigest> digest : digests.entrySet()) {
            if (!HexFormat.of()
                .formatHex(digest.getValue().digest())
                .equals(contents.files().get(digest.getKey()).sha256())) {
              throw new InvalidArchiveException(
                  "the file " + digest.getKey() + " changed while it was imported");
            }
          }
        } finally {
          for (InputStream in : opened) {
            in.close();
          }
        }
      }
    }
  }

  private static String names(List<TenantTables.Column> columns, String prefix) {
    return columns.stream()
        .map(c -> prefix + TenantTables.quoted(c.name()))
        .collect(Collectors.joining(", "));
  }
}
