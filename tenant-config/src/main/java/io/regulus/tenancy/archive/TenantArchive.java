package io.regulus.tenancy.archive;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * The portable tenant archive, format 2: a ZIP of {@code manifest.json} (format, source tenant, the
 * tenant schema version of the data, the tables in load order with their row counts, and every file
 * with its size and SHA-256), one {@code tables/<table>.jsonl} per table (a row a line, as JSON
 * keyed by column name, bytea values left out) and one {@code files/<table>/<column>/<row>} per
 * bytea value (an evidence file, as it was uploaded). It is written and read by PostgreSQL itself
 * ({@code to_jsonb}, {@code json_populate_recordset}), so every table of the tenant schema, present
 * or future, travels without per-table code, and each value keeps its exact type. Writing and
 * loading stream table by table and file by file: the heap holds a fetch of rows or a slice of a
 * file, never the tenant. Format 1 archives (one JSON array per table, bytea values as hex in it)
 * are still imported.
 */
@ApplicationScoped
public class TenantArchive {

  @Resource(lookup = "jdbc/regulus")
  private DataSource dataSource;

  /**
   * Writes the schema as an archive to {@code out}, read in the snapshot of the connection's
   * transaction; the schema version of the data.
   */
  public static String write(
      Connection connection, String schema, String tenantSlug, OutputStream out)
      throws SQLException, IOException {
    return ArchiveWriter.write(connection, schema, tenantSlug, out);
  }

  /** Opens an archive file; refused as invalid when it is no ZIP file. */
  public static ZipFile open(Path archive) {
    try {
      return new ZipFile(archive.toFile());
    } catch (ZipException e) {
      throw new InvalidArchiveException("it is not a readable ZIP file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads and checks an archive completely, files and their SHA-256 included. */
  public static ArchiveContents check(ZipFile archive) {
    return ArchiveCheck.check(archive);
  }

  /**
   * Loads the checked archive's rows and files into an empty, migrated schema in one transaction
   * (all or nothing), then moves every identity sequence past the loaded ids. The archive's tables
   * must be exactly the schema's tables.
   */
  public void load(String schema, ZipFile archive, ArchiveContents contents) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        ArchiveLoader.load(connection, schema, archive, contents);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw new InvalidArchiveException(
            "its rows do not fit the schema (" + e.getMessage() + ")");
      } catch (IOException e) {
        connection.rollback();
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("import into schema " + schema + " failed", e);
    }
  }
}
