package io.regulus.tenancy.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** An archive is read and checked whole before anything is created from it. */
class TenantArchiveReadTest {

  private static final String MANIFEST =
      "{\"format\":1,\"tenant\":\"acme\",\"schemaVersion\":\"1\","
          + "\"tables\":[{\"name\":\"assessment_group\",\"rows\":2}]}";

  @Test
  void aGoodArchiveGivesItsVersionAndTablesInOrder() {
    ArchiveContents contents =
        TenantArchive.read(
            zip(
                Map.of(
                    "manifest.json",
                    MANIFEST,
                    "tables/assessment_group.json",
                    "[{\"id\":1},{\"id\":2}]")));

    assertThat(contents.schemaVersion()).isEqualTo("1");
    assertThat(contents.sourceTenant()).isEqualTo("acme");
    assertThat(contents.tables())
        .extracting(ArchiveContents.Table::name, ArchiveContents.Table::rows)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("assessment_group", 2L));
  }

  @Test
  void whatIsWrongIsSaid() {
    assertRefused("not a zip".getBytes(StandardCharsets.UTF_8), "has no manifest.json");
    assertRefused(zip(Map.of("tables/x.json", "[]")), "has no manifest.json");
    assertRefused(zip(Map.of("manifest.json", "[]")), "manifest is not a JSON object");
    assertRefused(
        zip(Map.of("manifest.json", MANIFEST.replace("\"format\":1", "\"format\":2"))),
        "format is not 1");
    assertRefused(
        zip(Map.of("manifest.json", MANIFEST)),
        "tables/assessment_group.json named by its manifest is missing");
    assertRefused(
        zip(Map.of("manifest.json", MANIFEST, "tables/assessment_group.json", "[{\"id\":1}]")),
        "has 1 rows where");
    assertRefused(
        zip(
            Map.of(
                "manifest.json",
                MANIFEST.replace("assessment_group", "x; drop"),
                "tables/x; drop.json",
                "[]")),
        "no schema can hold");
    assertRefused(
        zip(Map.of("manifest.json", MANIFEST.replace("\"1\"", "\"1; drop\""))),
        "no valid schemaVersion");
  }

  private static void assertRefused(byte[] archive, String why) {
    assertThatThrownBy(() -> TenantArchive.read(archive))
        .isInstanceOf(InvalidArchiveException.class)
        .hasMessageContaining(why);
  }

  private static byte[] zip(Map<String, String> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var entry : new LinkedHashMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }
}
