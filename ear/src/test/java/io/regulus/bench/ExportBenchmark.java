package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regulus.it.TenantContents;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A tenant with {@code bench.export-mb} MB of evidence (1 GB by default) exported, downloaded and
 * imported into a new tenant, with the server's heap measured around each step; the target is a
 * heap that grows by less than 256 MB.
 *
 * <ol>
 *   <li>The tenant: provisioned by the platform operator, a GDPR assessment added through the API
 *       by its admin, then the evidence written straight into its schema over JDBC (files of {@code
 *       bench.file-mb} MB of random bytes, which do not compress; the upload path, with its type
 *       checks, is EvidenceIT's business, not this benchmark's).
 *   <li>The server's heap after a full collection ({@code jcmd GC.run}): the baseline.
 *   <li>Three timed steps, each with the server's GC log read for the collections it caused: the
 *       export ({@code POST .../exports}), the download of the archive to a file, and the import of
 *       that file as a new tenant. After each, a full collection again.
 *   <li>The check: the new tenant holds the same rows and files ({@link TenantContents}: every row,
 *       each bytea by its SHA-256), and the downloaded archive has the SHA-256 the export recorded.
 * </ol>
 *
 * <p>Reported for each step: the largest heap after any collection during it, over the baseline
 * (the growth: live data plus what was not yet collected), and the largest heap before any
 * collection (garbage included, bounded by how much young space the collector lets fill).
 */
public final class ExportBenchmark {

  static final String TENANT = "bench-export";
  static final String COPY = "bench-export-copy";
  static final long TARGET_GROWTH_MB = 256;

  private final BenchSettings settings;
  private final long totalBytes;
  private final int fileBytes;
  private final Report report = new Report();
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private ExportBenchmark(BenchSettings settings, long totalMb, int fileMb) {
    this.settings = settings;
    this.totalBytes = totalMb << 20;
    this.fileBytes = fileMb << 20;
  }

  public static void main(String[] args) throws Exception {
    new ExportBenchmark(
            BenchSettings.fromSystemProperties(),
            Long.parseLong(System.getProperty("bench.export-mb", "1024").trim()),
            Integer.parseInt(System.getProperty("bench.file-mb", "16").trim()))
        .run();
  }

  private void run() throws Exception {
    report.begin("Export and import benchmark");
    report.field("server", settings.baseUrl());
    OperatorToken operator = new OperatorToken(http, settings.keycloakUrl());
    TenantApi platform = new TenantApi(http, settings.baseUrl(), operator);
    platform.awaitHealthy(Duration.ofMinutes(5));
    ServerHeap heap =
        ServerHeap.of(
            System.getProperty("bench.liberty-server", "regulus-bench"),
            settings.workDir().resolve("liberty-gc.log"));
    report.field("server pid", "%d", heap.pid());

    TenantAdmin owner = TenantAdmin.create(http, settings, platform, TENANT);
    long group =
        owner
            .api()
            .post(owner.path() + "/assessment-groups", Map.of("name", "FY2027"))
            .path("id")
            .asLong();
    owner
        .api()
        .post(
            owner.path() + "/assessment-groups/" + group + "/assessments",
            Map.of(
                "name",
                "GDPR portal",
                "template",
                "gdpr",
                "scope",
                "PRODUCT",
                "scopeName",
                "portal"));
    int files;
    try (Connection db = settings.connect()) {
      files = addEvidence(db, schema(TENANT));
    }
    report.field(
        "tenant",
        "%s: %d evidence files of %d MB of random bytes, %.2f GB in all, and a GDPR assessment",
        TENANT,
        files,
        fileBytes >> 20,
        totalBytes / (double) (1L << 30));

    ServerHeap.Full first = heap.collect();
    long baseline = first.afterMb();
    report.field(
        "server heap after a full GC",
        "%d MB (the baseline), heap size %d MB",
        baseline,
        first.capacityMb());
    report.line("");
    ApiClient api = new ApiClient(http, settings.baseUrl(), operator);
    Path download = settings.workDir().resolve("bench-export.zip");
    long growth = 0;
    try {
      heap.mark();
      long began = System.nanoTime();
      JsonNode export = api.post("/platform/tenants/" + TENANT + "/exports", Map.of());
      growth = Math.max(growth, step(heap, "export", began, baseline));
      long size = export.path("sizeBytes").asLong();
      String sha256 = export.path("sha256").asText();

      heap.mark();
      began = System.nanoTime();
      String downloaded = download(operator, export.path("download").asText(), download);
      growth = Math.max(growth, step(heap, "download", began, baseline));
      report.field(
          "archive",
          "%.2f GB; SHA-256 of the download %s the export's",
          size / (double) (1L << 30),
          downloaded.equals(sha256) ? "equals" : "DIFFERS FROM");

      heap.mark();
      began = System.nanoTime();
      upload(operator, download);
      growth = Math.max(growth, step(heap, "import", began, baseline));
    } finally {
      Files.deleteIfExists(download);
    }

    report.line("");
    try (Connection db = settings.connect()) {
      Map<String, List<String>> original = TenantContents.of(db, schema(TENANT));
      boolean same = original.equals(TenantContents.of(db, schema(COPY)));
      long rows = original.values().stream().mapToLong(List::size).sum();
      report.field(
          "the imported tenant",
          "%s rows and files (%d rows in %d tables, %d files compared by SHA-256)",
          same ? "the same" : "NOT THE SAME",
          rows,
          original.size(),
          files);
    }
    report.field(
        "target: heap growth < 256 MB",
        "%s (largest growth %d MB over the %d MB baseline)",
        growth < TARGET_GROWTH_MB ? "MET" : "NOT MET",
        growth,
        baseline);
    report.end(settings.resultsFile());
  }

  /**
   * Reports one step from the GC log; its growth over the baseline, in MB: the most the heap held
   * after any collection during the step, or before the closing full collection (which, when no
   * collection ran during the step, is the most the heap held at all).
   */
  private long step(ServerHeap heap, String name, long began, long baseline) throws Exception {
    double seconds = (System.nanoTime() - began) / 1e9;
    ServerHeap.Phase phase = heap.phase();
    ServerHeap.Full closing = heap.collect();
    long growth =
        (phase.collections() == 0
                ? closing.beforeMb()
                : Math.max(phase.peakAfterMb(), closing.afterMb()))
            - baseline;
    report.field(
        name,
        "%.1f s; %s; closing full GC %d MB -> %d MB (heap size %d MB); growth +%d MB",
        seconds,
        phase.collections() == 0
            ? "no GC during it"
            : String.format(
                "%d GCs, heap after GC at most %d MB, before GC at most %d MB (heap size %d MB)",
                phase.collections(), phase.peakAfterMb(), phase.peakBeforeMb(), phase.capacityMb()),
        closing.beforeMb(),
        closing.afterMb(),
        closing.capacityMb(),
        growth);
    return growth;
  }

  /** Evidence rows of random bytes on the assessment's first instance; how many. */
  private int addEvidence(Connection db, String schema) throws Exception {
    long instance;
    try (PreparedStatement first =
            db.prepareStatement("SELECT min(id) FROM " + schema + ".action_instance");
        ResultSet row = first.executeQuery()) {
      row.next();
      instance = row.getLong(1);
    }
    Random random = new Random(2027);
    byte[] content = new byte[fileBytes];
    int count = 0;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO "
                + schema
                + ".evidence (instance_id, kind, title, file_name, media_type, size_bytes, sha256,"
                + " content, uploaded_by, uploaded_by_name, uploaded_at)"
                + " VALUES (?, 'FILE', ?, ?, 'application/pdf', ?, ?, ?, 'bench', 'Benchmark', now())")) {
      for (long written = 0; written < totalBytes; written += fileBytes) {
        int size = (int) Math.min(fileBytes, totalBytes - written);
        random.nextBytes(content);
        byte[] bytes = size == content.length ? content : java.util.Arrays.copyOf(content, size);
        insert.setLong(1, instance);
        insert.setString(2, "Evidence " + count);
        insert.setString(3, "evidence-" + count + ".pdf");
        insert.setLong(4, size);
        insert.setString(
            5, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        insert.setBytes(6, bytes);
        insert.executeUpdate();
        count++;
      }
    }
    return count;
  }

  /** Downloads the archive to a file; its SHA-256. */
  private String download(OperatorToken token, String path, Path file) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + token.get())
            .GET()
            .build();
    HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("download answered " + response.statusCode());
    }
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private void upload(OperatorToken token, Path file) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(settings.baseUrl() + "/api/v1/platform/tenants/" + COPY + "/import"))
            .timeout(Duration.ofMinutes(30))
            .header("Authorization", "Bearer " + token.get())
            .header("Content-Type", "application/zip")
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "import answered " + response.statusCode() + ": " + response.body());
    }
    json.readTree(response.body());
  }

  private static String schema(String slug) {
    return "tenant_" + slug.replace('-', '_');
  }
}
