package io.regulus.tenancy.archive;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a tenant schema as an archive, table by table, in the snapshot of the connection's
 * transaction: each table's rows as JSON Lines made by PostgreSQL ({@code to_jsonb}) without their
 * bytea values, then each bytea value as a file of its own, read in slices. Only one slice and one
 * fetch of rows are in memory at a time, whatever the tenant's size.
 */
final class ArchiveWriter {

  private static final int SLICE = 1 << 20;
  private static final int FETCH = 500;

  private final Connection connection;
  private final String schema;
  private final ZipOutputStream zip;
  private final JsonArrayBuilder files = Json.createArrayBuilder();

  /** A row whose bytea values are written after its table's rows. */
  private record Pending(long row, String ctid, Long[] sizes) {}

  private ArchiveWriter(Connection connection, String schema, OutputStream out) {
    this.connection = connection;
    this.schema = schema;
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
  }

  /** Writes the whole archive to {@code out} (left open); the schema version of its data. */
  static String write(Connection connection, String schema, String tenantSlug, OutputStream out)
      throws SQLException, IOException {
    return new ArchiveWriter(connection, schema, out).write(tenantSlug);
  }

  private String write(String tenantSlug) throws SQLException, IOException {
    String version = TenantTables.schemaVersion(connection, schema);
    JsonArrayBuilder tables = Json.createArrayBuilder();
    for (String table : TenantTables.inLoadOrder(connection, schema)) {
      List<TenantTables.Column> columns = TenantTables.columns(connection, schema, table);
      List<String> fileColumns = TenantTables.files(columns);
      String entry = ArchiveContents.tableEntry(ArchiveContents.FORMAT, table);
      List<Pending> pending = new ArrayList<>();
      long rows = rows(table, entry, columns, pending);
      tables.add(
          Json.createObjectBuilder().add("name", table).add("rows", rows).add("entry", entry));
      for (Pending row : pending) {
        for (int i = 0; i < fileColumns.size(); i++) {
          if (row.sizes()[i] != null) {
            file(table, fileColumns.get(i), row, row.sizes()[i]);
          }
        }
      }
    }
    zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    zip.putNextEntry(new ZipEntry(ArchiveContents.MANIFEST));
    zip.write(
        Json.createObjectBuilder()
            .add("format", ArchiveContents.FORMAT)
            .add("tenant", tenantSlug)
            .add("schemaVersion", version)
            .add("exportedAt", Instant.now().toString())
            .add("tables", tables)
            .add("files", files)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
    return version;
  }

  /** Writes the table's rows, one JSON object a line; remembers the rows that hold files. */
  private long rows(
      String table, String entry, List<TenantTables.Column> columns, List<Pending> pending)
      throws SQLException, IOException {
    List<String> fileColumns = TenantTables.files(columns);
    // a row's JSON is made of its other columns only: a file is never turned into hex text
    StringBuilder sql = new StringBuilder("SELECT (SELECT to_jsonb(x) FROM (SELECT ");
    sql.append(
        columns.stream()
            .filter(c -> !c.file())
            .map(c -> "t." + TenantTables.quoted(c.name()))
            .collect(java.util.stream.Collectors.joining(", ")));
    sql.append(") x)::text, t.ctid::text");
    for (String column : fileColumns) {
      sql.append(", octet_length(t.").append(TenantTables.quoted(column)).append(')');
    }
    sql.append(" FROM ").append(TenantTables.qualified(schema, table)).append(" t");
    zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    zip.putNextEntry(new ZipEntry(entry));
    long rows = 0;
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      statement.setFetchSize(FETCH);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          zip.write(result.getString(1).getBytes(StandardCharsets.UTF_8));
          zip.write('\n');
          Long[] sizes = new Long[fileColumns.size()];
          boolean any = false;
          for (int i = 0; i < sizes.length; i++) {
            long size = result.getLong(3 + i);
            sizes[i] = result.wasNull() ? null : size;
            any |= sizes[i] != null;
          }
          if (any) {
            pending.add(new Pending(rows, result.getString(2), sizes));
          }
          rows++;
        }
      }
    }
    zip.closeEntry();
    return rows;
  }

  /** Writes one bytea value as a file, slice by slice, and lists it with its SHA-256. */
  private void file(String table, String column, Pending row, long size)
      throws SQLException, IOException {
    String path = ArchiveContents.filePath(table, column, row.row());
    // mostly compressed already (PDF, Office, images): stored as they are, no CPU spent
    zip.setLevel(Deflater.NO_COMPRESSION);
    zip.putNextEntry(new ZipEntry(path));
    MessageDigest sha256 = sha256();
    long written = 0;
    try (PreparedStatement slice =
        connection.prepareStatement(
            "SELECT substring(t."
                + TenantTables.quoted(column)
                + " FROM CAST(? AS integer) FOR CAST(? AS integer)) FROM "
                + TenantTables.qualified(schema, table)
                + " t WHERE ctid = CAST(? AS tid)")) {
      while (written < size) {
        slice.setLong(1, written + 1);
        slice.setInt(2, (int) Math.min(SLICE, size - written));
        slice.setString(3, row.ctid());
        try (ResultSet result = slice.executeQuery()) {
          result.next();
          byte[] bytes = result.getBytes(1);
          if (bytes.length == 0) {
            throw new IllegalStateException(path + " ended before its " + size + " bytes");
          }
          sha256.update(bytes);
          zip.write(bytes);
          written += bytes.length;
        }
      }
    }
    zip.closeEntry();
    files.add(
        Json.createObjectBuilder()
            .add("path", path)
            .add("size", size)
            .add("sha256", HexFormat.of().formatHex(sha256.digest())));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
