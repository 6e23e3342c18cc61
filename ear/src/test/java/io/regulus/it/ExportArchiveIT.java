package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An export of a tenant with tens of MB of evidence: each evidence file is a file of the archive
 * (not hex inside JSON) with its SHA-256 in the manifest; imported as a new tenant it gives the
 * same rows and the same files; an archive whose file does not match its SHA-256 is refused with
 * nothing created. (bench/export does the same with 1 GB and measures the server's heap.)
 */
class ExportArchiveIT {

  private static final int FILES = 24;
  private static final int FILE_BYTES = 1_000_000;

  private static String source;
  private static byte[] archive;

  @BeforeAll
  static void exportATenantWithEvidence() throws Exception {
    Platform.awaitReady();
    source = Platform.tenant("arch", null);
    String admin = KeycloakClient.token(KeycloakClient.createMember(source, "admin"));
    long group = Platform.createGroup(admin, source, "FY2027");
    Platform.createAssessment(admin, source, group, "GDPR portal", "gdpr");
    List<Map<String, Object>> actions = Platform.actions(admin, source);
    Random random = new Random(13);
    // spread over the first actions that take evidence (one that follows its parent takes none)
    int uploaded = 0;
    for (int i = 0; uploaded < FILES; i++) {
      Object action = actions.get((i / 4) % actions.size()).get("id");
      int status =
          Api.as(admin)
              .contentType("multipart/form-data")
              .multiPart("file", "log-" + uploaded + ".txt", text(random), "text/plain")
              .post("/tenants/" + source + "/actions/" + action + "/evidence")
              .statusCode();
      assertThat(status).isIn(201, 409, 422);
      uploaded += status == 201 ? 1 : 0;
    }
    archive = Platform.archive(source, Platform.export(source));
  }

  @Test
  void evidenceFilesAreFilesOfTheArchiveWithTheirSha256InTheManifest() throws Exception {
    Map<String, byte[]> entries = entries(archive);
    JsonPath manifest = JsonPath.from(text(entries, "manifest.json"));
    Map<String, String> listed = new LinkedHashMap<>();
    List<String> paths = manifest.getList("files.path", String.class);
    List<String> hashes = manifest.getList("files.sha256", String.class);
    for (int i = 0; i < paths.size(); i++) {
      listed.put(paths.get(i), hashes.get(i));
    }
    assertThat(listed).hasSize(FILES);
    listed.forEach(
        (path, sha256) -> {
          assertThat(entries).containsKey(path);
          assertThat(sha256(entries.get(path))).as(path).isEqualTo(sha256);
          assertThat(entries.get(path)).hasSize(FILE_BYTES);
        });
    String evidenceRows =
        entries.keySet().stream()
            .filter(name -> name.startsWith("tables/evidence."))
            .map(name -> text(entries, name))
            .findFirst()
            .orElseThrow();
    assertThat(evidenceRows).doesNotContain("\"content\"").doesNotContain("\\\\x");
    assertThat(evidenceRows.length()).isLessThan(FILES * 2_000);
  }

  @Test
  void importedAsANewTenantItHoldsTheSameRowsAndFiles() throws Exception {
    String copy = Api.unique("arch-copy");
    Api.as(Platform.operator())
        .contentType("application/zip")
        .body(archive)
        .post("/platform/tenants/" + copy + "/import")
        .then()
        .statusCode(201)
        .body("status", equalTo("ACTIVE"));

    try (Connection connection = TestDatabase.connect()) {
      Map<String, List<String>> original = TenantContents.of(connection, schema(source));
      assertThat(original.get("evidence")).hasSize(FILES);
      assertThat(TenantContents.of(connection, schema(copy))).isEqualTo(original);
    }
    assertThat(
            TestDatabase.count(
                "SELECT sum(octet_length(content)) FROM " + schema(copy) + ".evidence"))
        .isEqualTo((long) FILES * FILE_BYTES);
  }

  @Test
  void anArchiveWhoseFileDoesNotMatchItsSha256IsRefusedWithNothingCreated() throws Exception {
    Map<String, byte[]> entries = entries(archive);
    String victim =
        entries.keySet().stream().filter(n -> n.startsWith("files/")).findFirst().orElseThrow();
    byte[] changed = entries.get(victim).clone();
    changed[changed.length / 2] ^= 1;
    entries.put(victim, changed);
    String slug = Api.unique("arch-bad");
    long schemas = TestDatabase.schemas();

    Api.as(Platform.operator())
        .contentType("application/zip")
        .body(zip(entries))
        .post("/platform/tenants/" + slug + "/import")
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("archive"))
        .body("detail", containsString("SHA-256"));

    assertThat(TestDatabase.count("SELECT count(*) FROM platform.tenant WHERE slug = ?", slug))
        .isZero();
    assertThat(TestDatabase.schemas()).isEqualTo(schemas);
  }

  /** About 1 MB of text that does not compress much (base64 of random bytes, in lines). */
  private static byte[] text(Random random) {
    byte[] noise = new byte[FILE_BYTES * 3 / 4];
    random.nextBytes(noise);
    byte[] encoded = Base64.getMimeEncoder().encode(noise);
    byte[] exact = new byte[FILE_BYTES];
    for (int i = 0; i < FILE_BYTES; i++) {
      exact[i] = i < encoded.length ? encoded[i] : (byte) 'x';
    }
    return exact;
  }

  private static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String text(Map<String, byte[]> entries, String name) {
    return new String(entries.get(name), StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String schema(String slug) {
    return "tenant_" + slug.replace('-', '_');
  }
}
