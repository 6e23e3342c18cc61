package io.regulus.tenancy.archive;

import java.util.List;
import java.util.Map;

/**
 * A checked archive's manifest: its format, the tenant schema version its data belongs to, each
 * table's entry and row count in an order that loads referenced tables first, and (format 2) each
 * file with its size and SHA-256, by path.
 */
public record ArchiveContents(
    String sourceTenant,
    int format,
    String schemaVersion,
    List<Table> tables,
    Map<String, File> files) {

  /** The format exports are written in: JSON Lines per table, files apart. */
  public static final int FORMAT = 2;

  /** The first format: one JSON array per table, bytea values as hex inside it. Still imported. */
  static final int FORMAT_JSON_ARRAYS = 1;

  static final String MANIFEST = "manifest.json";

  public ArchiveContents {
    tables = List.copyOf(tables);
    files = Map.copyOf(files);
  }

  /** One table: the archive entry holding its rows, and how many there are. */
  public record Table(String name, long rows, String entry) {}

  /** A file of the archive: one bytea value of one row. */
  public record File(String path, long size, String sha256) {}

  static String tableEntry(int format, String table) {
    return "tables/" + table + (format == FORMAT_JSON_ARRAYS ? ".json" : ".jsonl");
  }

  /** The file holding the value of {@code column} in the {@code row}-th row (from 0) of a table. */
  static String filePath(String table, String column, long row) {
    return "files/" + table + "/" + column + "/" + row;
  }
}
