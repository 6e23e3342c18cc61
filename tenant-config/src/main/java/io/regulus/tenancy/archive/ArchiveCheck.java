package io.regulus.tenancy.archive;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads and checks an archive completely before anything is created from it: its manifest, each
 * table's row count, and each file's size and SHA-256 against the manifest (a stream each, one
 * buffer in memory).
 */
final class ArchiveCheck {

  private static final long MAX_MANIFEST_BYTES = 256L * 1024 * 1024;

  private ArchiveCheck() {}

  static ArchiveContents check(ZipFile zip) {
    try {
      return read(zip);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidArchiveException("it cannot be read whole (" + e.getMessage() + ")");
    } catch (ClassCastException | NullPointerException e) {
      throw new InvalidArchiveException("its manifest is not laid out as an export writes it");
    }
  }

  private static ArchiveContents read(ZipFile zip) throws IOException {
    JsonObject manifest = manifest(zip);
    int format = manifest.getInt("format", -1);
    if (format != ArchiveContents.FORMAT && format != ArchiveContents.FORMAT_JSON_ARRAYS) {
      throw new InvalidArchiveException(
          "its format is not "
              + ArchiveContents.FORMAT_JSON_ARRAYS
              + " or "
              + ArchiveContents.FORMAT);
    }
    String version = manifest.getString("schemaVersion", null);
    if (version == null || !version.matches("\\d+(\\.\\d+)*")) {
      throw new InvalidArchiveException("its manifest names no valid schemaVersion");
    }
    List<ArchiveContents.Table> tables = new ArrayList<>();
    for (JsonValue value : array(manifest, "tables")) {
      JsonObject table = value.asJsonObject();
      String name = table.getString("name", "");
      if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new InvalidArchiveException(
            "its manifest names a table '" + name + "' that no schema can hold");
      }
      String entry = ArchiveContents.tableEntry(format, name);
      long rows = rows(zip, format, name, entry);
      JsonNumber listed = table.getJsonNumber("rows");
      if (listed == null || rows != listed.longValue()) {
        throw new InvalidArchiveException(
            "table " + name + " has " + rows + " rows where the manifest says " + listed);
      }
      tables.add(new ArchiveContents.Table(name, rows, entry));
    }
    Set<String> names =
        tables.stream().map(ArchiveContents.Table::name).collect(Collectors.toSet());
    Map<String, ArchiveContents.File> files = new LinkedHashMap<>();
    for (JsonValue value : array(manifest, "files")) {
      ArchiveContents.File file = file(zip, value.asJsonObject(), names);
      files.put(file.path(), file);
    }
    return new ArchiveContents(manifest.getString("tenant", ""), format, version, tables, files);
  }

  private static JsonObject manifest(ZipFile zip) throws IOException {
    ZipEntry entry = zip.getEntry(ArchiveContents.MANIFEST);
    if (entry == null) {
      throw new InvalidArchiveException(
          "it has no " + ArchiveContents.MANIFEST + " (is it a ZIP made by a Regulus export?)");
    }
    if (entry.getSize() > MAX_MANIFEST_BYTES) {
      throw new InvalidArchiveException("its manifest is larger than any export writes");
    }
    try (JsonReader reader = Json.createReader(zip.getInputStream(entry))) {
      return reader.readObject();
    } catch (JsonException | ClassCastException e) {
      throw new InvalidArchiveException("its manifest is not a JSON object");
    }
  }

  private static List<JsonValue> array(JsonObject manifest, String name) {
    try {
      return manifest.containsKey(name) ? manifest.getJsonArray(name) : List.of();
    } catch (ClassCastException e) {
      throw new InvalidArchiveException("its manifest's " + name + " is not a list");
    }
  }

  private static long rows(ZipFile zip, int format, String table, String entry) throws IOException {
    ZipEntry rows = zip.getEntry(entry);
    if (rows == null) {
      throw new InvalidArchiveException("the file " + entry + " named by its manifest is missing");
    }
    try (RowSource source = RowSource.of(format, zip.getInputStream(rows), table)) {
      long count = 0;
      while (source.next() != null) {
        count++;
      }
      return count;
    }
  }

  private static ArchiveContents.File file(ZipFile zip, JsonObject listed, Set<String> tables)
      throws IOException {
    String path = listed.getString("path", "");
    String[] parts = path.split("/", -1);
    if (parts.length != 4
        || !parts[0].equals("files")
        || !tables.contains(parts[1])
        || !parts[2].matches("[a-z_][a-z0-9_]{0,62}")
        || !parts[3].matches("\\d{1,18}")) {
      throw new InvalidArchiveException(
          "its manifest lists a file '" + path + "' that belongs to no table's row");
    }
    String sha256 = listed.getString("sha256", "");
    JsonNumber size = listed.getJsonNumber("size");
    ZipEntry entry = zip.getEntry(path);
    if (entry == null || size == null) {
      throw new InvalidArchiveException("the file " + path + " named by its manifest is missing");
    }
    MessageDigest digest = ArchiveWriter.sha256();
    long read = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = zip.getInputStream(entry)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
        read += n;
      }
    }
    if (read != size.longValue() || !HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
      throw new InvalidArchiveException(
          "the file "
              + path
              + " does not match its size and SHA-256 in the manifest (the archive is damaged or"
              + " was changed)");
    }
    return new ArchiveContents.File(path, size.longValue(), sha256);
  }
}
