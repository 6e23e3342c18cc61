package io.regulus.tenancy.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive is read and checked whole, files and their SHA-256 included, before anything is
 * created from it.
 */
class ArchiveCheckTest {

  /** SHA-256 of "hello". */
  private static final String HELLO =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  private static final String MANIFEST =
      "{\"format\":2,\"tenant\":\"acme\",\"schemaVersion\":\"1\","
          + "\"tables\":[{\"name\":\"evidence\",\"rows\":2}],"
          + "\"files\":[{\"path\":\"files/evidence/content/1\",\"size\":5,\"sha256\":\""
          + HELLO
          + "\"}]}";

  @TempDir Path directory;

  @Test
  void aGoodArchiveGivesItsVersionTablesAndFiles() {
    ArchiveContents contents = check(good());

    assertThat(contents.format()).isEqualTo(2);
    assertThat(contents.schemaVersion()).isEqualTo("1");
    assertThat(contents.sourceTenant()).isEqualTo("acme");
    assertThat(contents.tables())
        .extracting(ArchiveContents.Table::name, ArchiveContents.Table::rows)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("evidence", 2L));
    assertThat(contents.files().get("files/evidence/content/1").sha256()).isEqualTo(HELLO);
  }

  @Test
  void aFormat1ArchiveIsStillRead() {
    ArchiveContents contents =
        check(
            Map.of(
                "manifest.json",
                "{\"format\":1,\"tenant\":\"acme\",\"schemaVersion\":\"1\","
                    + "\"tables\":[{\"name\":\"assessment_group\",\"rows\":2}]}",
                "tables/assessment_group.json",
                "[{\"id\":1},{\"id\":2}]"));

    assertThat(contents.format()).isEqualTo(1);
    assertThat(contents.tables().get(0).rows()).isEqualTo(2);
  }

  @Test
  void whatIsWrongIsSaid() {
    assertRefused(Map.of("tables/x.jsonl", ""), "has no manifest.json");
    assertRefused(Map.of("manifest.json", "[]"), "manifest is not a JSON object");
    assertRefused(
        replace("manifest.json", MANIFEST.replace("\"format\":2", "\"format\":3")),
        "format is not 1 or 2");
    assertRefused(
        Map.of("manifest.json", MANIFEST),
        "tables/evidence.jsonl named by its manifest is missing");
    assertRefused(replace("tables/evidence.jsonl", "{\"id\":1}\n"), "has 1 rows where");
    assertRefused(
        replace("manifest.json", MANIFEST.replace("evidence\",\"rows", "x; drop\",\"rows")),
        "no schema can hold");
    assertRefused(
        replace("manifest.json", MANIFEST.replace("\"1\"", "\"1; drop\"")),
        "no valid schemaVersion");
    assertRefused(
        replace("files/evidence/content/1", "hellO"), "does not match its size and SHA-256");
    assertRefused(
        replace("files/evidence/content/1", "hello!"), "does not match its size and SHA-256");
    assertRefused(
        replace("manifest.json", MANIFEST.replace("files/evidence/content/1", "files/../x/1")),
        "belongs to no table's row");
  }

  @Test
  void aFileThatIsNoZipIsRefused() throws IOException {
    Path file = directory.resolve("not.zip");
    Files.writeString(file, "not a zip");
    assertThatThrownBy(() -> TenantArchive.open(file))
        .isInstanceOf(InvalidArchiveException.class)
        .hasMessageContaining("not a readable ZIP file");
  }

  private static Map<String, String> good() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("manifest.json", MANIFEST);
    entries.put("tables/evidence.jsonl", "{\"id\":1}\n{\"id\":2}\n");
    entries.put("files/evidence/content/1", "hello");
    return entries;
  }

  private static Map<String, String> replace(String name, String content) {
    Map<String, String> entries = good();
    entries.put(name, content);
    return entries;
  }

  private void assertRefused(Map<String, String> entries, String why) {
    assertThatThrownBy(() -> check(entries))
        .isInstanceOf(InvalidArchiveException.class)
        .hasMessageContaining(why);
  }

  private ArchiveContents check(Map<String, String> entries) {
    Path file = directory.resolve("archive-" + System.nanoTime() + ".zip");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (ZipFile zip = TenantArchive.open(file)) {
      return TenantArchive.check(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
