package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, acceptance 4: the reports job over several tenants of two firms with real data (actions
 * implemented and passed, evidence attached), after the day's score recomputation; each tenant's
 * PDF summary and XLSX workbook, parsed with PDFBox and POI, hold the figures of its snapshot and
 * of its actions; a tenant without a snapshot of the day gets no report; building the day again
 * replaces its reports; a reader of one tenant cannot list or download another's, a firm's member
 * cannot read another firm's portfolio report; the reports travel in the tenant's export.
 */
class ReportBuildIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static String firm;
  private static String otherFirm;
  private static final List<ScoredTenant> TENANTS = new ArrayList<>();
  private static String late;

  @BeforeAll
  static void tenantsWithScoresEvidenceAndASnapshot() {
    Platform.awaitReady();
    firm = Platform.firm("rpfirm");
    otherFirm = Platform.firm("rpother");
    String firmAdmin =
        KeycloakClient.token(KeycloakClient.createUser("rpfadm", "/firms/" + firm + "/admin"));
    Api.as(firmAdmin)
        .contentType("image/png")
        .body(LogoImages.png())
        .put("/firms/" + firm + "/logo")
        .then()
        .statusCode(204);
    TENANTS.add(ScoredTenant.build(Platform.tenant("rpa", firm), "GDPR portal"));
    TENANTS.add(ScoredTenant.build(Platform.tenant("rpb", firm), "GDPR shop"));
    TENANTS.add(ScoredTenant.build(Platform.tenant("rpc", otherFirm), "GDPR claims"));
    for (ScoredTenant tenant : TENANTS) {
      Map<String, Object> passed = Platform.actions(tenant.adminToken(), tenant.slug()).get(0);
      Api.as(tenant.adminToken())
          .body(Map.of("url", "https://example.com/evidence/" + tenant.slug()))
          .post("/tenants/" + tenant.slug() + "/actions/" + passed.get("id") + "/evidence/links")
          .then()
          .statusCode(201);
    }
    run("/platform/score-recomputes", TODAY);
    // a client added after the day's snapshots: no figures to report for it
    late = Platform.tenant("rplate", firm);
  }

  @Test
  void eachTenantsReportsHoldItsSnapshotsFiguresAndTheDayBuiltAgainReplacesThem() throws Exception {
    JsonPath build = run("/platform/report-builds", TODAY);
    assertThat(build.getString("day")).isEqualTo(TODAY.toString());

    Map<String, Integer> images = new HashMap<>();
    for (ScoredTenant tenant : TENANTS) {
      String reader = KeycloakClient.token(KeycloakClient.createMember(tenant.slug(), "reader"));
      List<Map<String, Object>> reports = list(reader, "/tenants/" + tenant.slug() + "/reports");
      assertThat(reports).extracting(r -> r.get("kind")).containsExactly("SUMMARY", "WORKBOOK");
      assertThat(reports)
          .allSatisfy(
              r -> {
                assertThat(r.get("day")).isEqualTo(TODAY.toString());
                assertThat(r.get("snapshotDate")).isEqualTo(TODAY.toString());
              });
      JsonPath snapshot = snapshot(tenant);
      double achieved = snapshot.getDouble("overall.achieved");
      double possible = snapshot.getDouble("overall.possible");
      assertThat(achieved).isPositive();

      // the executive summary: PDF named after the tenant and the day, with the snapshot's score
      Response pdf = download(reader, reports.get(0));
      assertThat(pdf.contentType()).isEqualTo("application/pdf");
      assertThat(pdf.header("Content-Disposition"))
          .contains(tenant.slug() + "-" + TODAY + "-executive-summary.pdf");
      try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
        String text = new PDFTextStripper().getText(document);
        assertThat(text)
            .contains("Executive summary")
            .contains("Figures from the snapshot of " + TODAY)
            .contains(percent(achieved, possible))
            .contains("Firm " + firmOf(tenant));
        images.put(tenant.slug(), images(document));
        if (tenant == TENANTS.get(0)) {
          BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
          Path png = Path.of("target/screenshots/report-executive-summary.png");
          Files.createDirectories(png.getParent());
          ImageIO.write(page, "png", png.toFile());
        }
      }

      // the workbook: XLSX with the snapshot's points and every action with its status and evidence
      Response xlsx = download(reader, reports.get(1));
      assertThat(xlsx.contentType())
          .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      assertThat(xlsx.header("Content-Disposition"))
          .contains(tenant.slug() + "-" + TODAY + "-report.xlsx");
      try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
        Map<String, Row> summary = byFirstCell(book.getSheet("Summary"));
        assertThat(summary.get("Points achieved").getCell(1).getNumericCellValue())
            .isEqualTo(achieved);
        assertThat(summary.get("Points possible").getCell(1).getNumericCellValue())
            .isEqualTo(possible);
        assertThat(summary.get("Overdue actions").getCell(1).getNumericCellValue())
            .isEqualTo(snapshot.getInt("overdueActions"));
        assertThat(summary.get("Actions implemented").getCell(1).getNumericCellValue())
            .isEqualTo(snapshot.getInt("actionsByImplementation.IMPLEMENTED"))
            .isGreaterThanOrEqualTo(2);
        List<Map<String, Object>> actions = Platform.actions(tenant.adminToken(), tenant.slug());
        Sheet lines = book.getSheet("Actions");
        List<Row> rows = new ArrayList<>();
        for (Row row : lines) {
          if (row.getRowNum() >= 2) {
            rows.add(row);
          }
        }
        assertThat(rows).hasSize(actions.size());
        Map<String, Integer> implemented = new TreeMap<>();
        int evidence = 0;
        for (Row row : rows) {
          implemented.merge(row.getCell(3).getStringCellValue(), 1, Integer::sum);
          evidence += (int) row.getCell(6).getNumericCellValue();
        }
        assertThat(implemented)
            .containsEntry("Implemented", snapshot.getInt("actionsByImplementation.IMPLEMENTED"));
        assertThat(evidence).isEqualTo(1);
        Row withEvidence =
            rows.stream().filter(r -> r.getCell(6).getNumericCellValue() == 1).findFirst().get();
        assertThat(withEvidence.getCell(0).getStringCellValue())
            .isEqualTo(actions.get(0).get("title"));
        assertThat(withEvidence.getCell(4).getStringCellValue()).isEqualTo("Passed");
      }
    }

    // the firm's logo heads its clients' summaries: one image more than the other firm's (the
    // chart)
    assertThat(images.get(TENANTS.get(0).slug()))
        .isEqualTo(images.get(TENANTS.get(1).slug()))
        .isEqualTo(images.get(TENANTS.get(2).slug()) + 1);

    // the client without a snapshot of the day has no report
    String lateAdmin = KeycloakClient.token(KeycloakClient.createMember(late, "admin"));
    assertThat(list(lateAdmin, "/tenants/" + late + "/reports")).isEmpty();

    // the firm's portfolio report: its clients with a snapshot of the day, not the other firm's
    String consultant =
        KeycloakClient.token(KeycloakClient.createUser("rpcons", "/firms/" + firm + "/consultant"));
    List<Map<String, Object>> portfolio = list(consultant, "/firms/" + firm + "/reports");
    assertThat(portfolio).hasSize(1);
    assertThat(portfolio.get(0).get("snapshotDate")).isEqualTo(TODAY.toString());
    Response report = download(consultant, portfolio.get(0));
    assertThat(report.contentType()).isEqualTo("application/pdf");
    assertThat(report.header("Content-Disposition"))
        .contains(firm + "-" + TODAY + "-portfolio.pdf");
    try (PDDocument document = Loader.loadPDF(report.asByteArray())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Portfolio report", "2 clients", "snapshots of " + TODAY);
      for (ScoredTenant tenant : TENANTS.subList(0, 2)) {
        JsonPath snapshot = snapshot(tenant);
        assertThat(text)
            .contains(
                percent(
                    snapshot.getDouble("overall.achieved"),
                    snapshot.getDouble("overall.possible")));
      }
    }

    // the same day again: the reports replaced, one of each kind
    long before =
        ((Number) list(TENANTS.get(0).adminToken(), reportsOf(0)).get(0).get("id")).longValue();
    run("/platform/report-builds", TODAY);
    List<Map<String, Object>> again = list(TENANTS.get(0).adminToken(), reportsOf(0));
    assertThat(again).hasSize(2);
    assertThat(((Number) again.get(0).get("id")).longValue()).isNotEqualTo(before);
    assertThat(list(consultant, "/firms/" + firm + "/reports")).hasSize(1);

    // the reports are the tenant's: its export archive carries them
    ScoredTenant exported = TENANTS.get(1);
    String schema = "tenant_" + exported.slug().replace('-', '_');
    long rows = TestDatabase.count("SELECT count(*) FROM " + schema + ".report");
    assertThat(rows).isEqualTo(2);
    byte[] archive = Platform.archive(exported.slug(), Platform.export(exported.slug()));
    assertThat(entries(archive))
        .contains("tables/report.jsonl")
        .anyMatch(name -> name.startsWith("files/report/content/"));
    // and a tenant imported from it holds the same reports, byte for byte
    String copy = Api.unique("rp-copy");
    Api.as(Platform.operator())
        .contentType("application/zip")
        .body(archive)
        .post("/platform/tenants/" + copy + "/import")
        .then()
        .statusCode(201);
    String copied = "tenant_" + copy.replace('-', '_');
    try (java.sql.Connection connection = TestDatabase.connect()) {
      assertThat(TenantContents.of(connection, copied).get("report"))
          .hasSize(2)
          .isEqualTo(TenantContents.of(connection, schema).get("report"));
    }
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM "
                    + copied
                    + ".report c JOIN "
                    + schema
                    + ".report r ON r.id = c.id AND r.content = c.content"))
        .isEqualTo(2);
  }

  @Test
  void aReaderOfOneTenantCannotListOrDownloadAnothersReportsNorAFirmMemberAnotherFirms() {
    run("/platform/report-builds", TODAY);
    ScoredTenant a = TENANTS.get(0);
    ScoredTenant b = TENANTS.get(2);
    String readerOfA = KeycloakClient.token(KeycloakClient.createMember(a.slug(), "reader"));
    List<Map<String, Object>> ofB = list(b.adminToken(), "/tenants/" + b.slug() + "/reports");
    List<Map<String, Object>> ofA = list(readerOfA, "/tenants/" + a.slug() + "/reports");
    Object idOfB = ofB.get(0).get("id");
    // B's tenant with A's reader: refused as every tenant path is to a non-member
    Api.as(readerOfA).get("/tenants/" + b.slug() + "/reports").then().statusCode(403);
    Api.as(readerOfA).get("/tenants/" + b.slug() + "/reports/" + idOfB).then().statusCode(403);
    // B's report id under A's tenant: no such report of A (ids are per schema, so it may be one of
    // A's own; then it is A's report that comes back, never B's content)
    Response crossed = Api.as(readerOfA).get("/tenants/" + a.slug() + "/reports/" + idOfB);
    if (crossed.statusCode() == 200) {
      assertThat(crossed.header("Content-Disposition")).contains(a.slug()).doesNotContain(b.slug());
    } else {
      assertThat(crossed.statusCode()).isEqualTo(404);
    }
    Api.as(readerOfA).get("/tenants/" + a.slug() + "/reports/999999").then().statusCode(404);
    assertThat(ofA).hasSize(2);
    // a reader may read, not build
    Api.as(readerOfA).post("/platform/report-builds").then().statusCode(403);

    // firms: the other firm's admin and a consultant of the first are refused each other's reports
    String otherAdmin =
        KeycloakClient.token(KeycloakClient.createUser("rpofa", "/firms/" + otherFirm + "/admin"));
    String consultant =
        KeycloakClient.token(KeycloakClient.createUser("rpcon", "/firms/" + firm + "/consultant"));
    List<Map<String, Object>> firmReports = list(consultant, "/firms/" + firm + "/reports");
    List<Map<String, Object>> otherReports = list(otherAdmin, "/firms/" + otherFirm + "/reports");
    Api.as(otherAdmin).get("/firms/" + firm + "/reports").then().statusCode(403);
    Api.as(otherAdmin)
        .get("/firms/" + firm + "/reports/" + firmReports.get(0).get("id"))
        .then()
        .statusCode(403);
    Api.as(consultant)
        .get("/firms/" + otherFirm + "/reports/" + otherReports.get(0).get("id"))
        .then()
        .statusCode(403);
    // the other firm's report id under the consultant's own firm: not found there
    Api.as(consultant)
        .get("/firms/" + firm + "/reports/" + otherReports.get(0).get("id"))
        .then()
        .statusCode(404);
    // a tenant's reader is no member of its firm
    Api.as(readerOfA).get("/firms/" + firm + "/reports").then().statusCode(403);
  }

  @Test
  void aLogoIsAPngOrJpegOfBoundedSizeAndEveryMemberOfTheFirmReadsIt() {
    String own = Platform.firm("rplogo");
    String admin =
        KeycloakClient.token(KeycloakClient.createUser("rplogo", "/firms/" + own + "/admin"));
    String path = "/firms/" + own + "/logo";
    Api.as(admin).get(path).then().statusCode(404);
    Response gif =
        Api.as(admin).contentType("image/png").body(LogoImages.image("gif", 40, 40)).put(path);
    assertThat(gif.statusCode()).isEqualTo(415);
    assertThat(gif.body().asString()).contains("PNG or JPEG");
    byte[] broken = LogoImages.png();
    java.util.Arrays.fill(broken, 16, broken.length, (byte) 0);
    Response bad = Api.as(admin).contentType("image/png").body(broken).put(path);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body().asString()).contains("does not decode");
    Response wide =
        Api.as(admin).contentType("image/png").body(LogoImages.image("png", 2400, 10)).put(path);
    assertThat(wide.statusCode()).isEqualTo(400);
    assertThat(wide.body().asString()).contains("2000 pixels");
    byte[] large = new byte[300 * 1024];
    System.arraycopy(LogoImages.png(), 0, large, 0, 8);
    Response big = Api.as(admin).contentType("image/png").body(large).put(path);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body().asString()).contains("256 KB");
    Api.as(admin).get(path).then().statusCode(404);

    byte[] jpeg = LogoImages.image("jpeg", 120, 40);
    Api.as(admin).contentType("image/jpeg").body(jpeg).put(path).then().statusCode(204);
    Response read = Api.as(admin).get(path);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.contentType()).isEqualTo("image/jpeg");
    assertThat(read.asByteArray()).isEqualTo(jpeg);
    // another firm's admin neither reads nor replaces it
    String stranger =
        KeycloakClient.token(KeycloakClient.createUser("rpstr", "/firms/" + firm + "/admin"));
    Api.as(stranger).get(path).then().statusCode(403);
    Api.as(stranger)
        .contentType("image/png")
        .body(LogoImages.png())
        .put(path)
        .then()
        .statusCode(403);
  }

  @Test
  void aDayNotComeYetIsRefusedAndAnUnknownRunIsNotFound() {
    String tomorrow = TODAY.plusDays(1).toString();
    Response future = Api.as(Platform.operator()).post("/platform/report-builds?day=" + tomorrow);
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(future.body().asString()).contains("has not come yet");
    Api.as(Platform.operator()).get("/platform/report-builds/999999999").then().statusCode(404);
  }

  private static String reportsOf(int tenant) {
    return "/tenants/" + TENANTS.get(tenant).slug() + "/reports";
  }

  private static String firmOf(ScoredTenant tenant) {
    return tenant == TENANTS.get(2) ? otherFirm : firm;
  }

  /** As the reports write a percent: one decimal, half up, then " %". */
  private static String percent(double achieved, double possible) {
    return BigDecimal.valueOf(achieved / possible * 100).setScale(1, RoundingMode.HALF_UP) + " %";
  }

  private static JsonPath snapshot(ScoredTenant tenant) {
    JsonPath trend =
        Api.as(tenant.adminToken())
            .queryParam("from", TODAY.toString())
            .queryParam("to", TODAY.toString())
            .get("/tenants/" + tenant.slug() + "/score-history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(trend.getList("days")).hasSize(1);
    return new JsonPath(trend.prettify()).setRootPath("days[0]");
  }

  /** The images the first page draws (the trend chart, and the firm's logo when it has one). */
  private static int images(PDDocument document) throws IOException {
    int count = 0;
    for (org.apache.pdfbox.cos.COSName name :
        document.getPage(0).getResources().getXObjectNames()) {
      if (document.getPage(0).getResources().isImageXObject(name)) {
        count++;
      }
    }
    return count;
  }

  private static List<Map<String, Object>> list(String token, String path) {
    return Api.as(token).get(path).then().statusCode(200).extract().jsonPath().getList("$");
  }

  private static Response download(String token, Map<String, Object> report) {
    String path = ((String) report.get("download")).replaceFirst("^/api/v1", "");
    Response response = Api.as(token).get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response;
  }

  private static Map<String, Row> byFirstCell(Sheet sheet) {
    Map<String, Row> rows = new HashMap<>();
    for (Row row : sheet) {
      if (row.getCell(0) != null
          && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
        rows.put(row.getCell(0).getStringCellValue(), row);
      }
    }
    return rows;
  }

  private static List<String> entries(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
      java.util.zip.ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  private static JsonPath run(String path, LocalDate day) {
    return JobRuns.complete(path, day);
  }
}
