package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Template files imported as jobs through the API: NIST's OSCAL catalogs with their own counts, a
 * workbook in Compliance Manager's layout, and bad files of every kind reported whole with nothing
 * published or left staged (checked in the database); imports of one tenant are no other's.
 */
class TemplateImportIT {

  static final Path OSCAL = Path.of(System.getProperty("regulus.data-dir", "../data"), "oscal");

  static String tenant;
  static String admin;

  @BeforeAll
  static void tenant() {
    Platform.awaitReady();
    tenant = Platform.tenant("imports", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
  }

  static Stream<Arguments> catalogs() {
    return Stream.of(
        Arguments.of(
            "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json", 287, 18),
        Arguments.of("NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json", 149, -1),
        Arguments.of(
            "NIST_SP-800-53_rev5_PRIVACY-baseline-resolved-profile_catalog-min.json", 102, -1),
        Arguments.of("basic-catalog.json", 4, -1));
  }

  @ParameterizedTest
  @MethodSource("catalogs")
  void everyOscalCatalogImportsWithItsOwnCounts(String file, int controls, int families)
      throws IOException {
    String key = Api.unique("oscal");
    long id;
    try (InputStream in = Files.newInputStream(OSCAL.resolve(file))) {
      id = TemplateImports.start(admin, tenant, key, "oscal", in);
    }
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("PUBLISHED");
    assertThat(done.getInt("percent")).isEqualTo(100);
    assertThat(done.getInt("itemsWritten")).isEqualTo(done.getInt("itemsTotal"));
    assertThat(privateCount("SELECT count(*) FROM %s.private_control c" + VERSION_OF, key))
        .isEqualTo(controls);
    if (families > 0) {
      assertThat(
              privateCount(
                  "SELECT count(DISTINCT c.family) FROM %s.private_control c" + VERSION_OF, key))
          .isEqualTo(families);
    }
    assertThat(
            privateCount(
                "SELECT count(*) FROM %s.private_control c"
                    + VERSION_OF
                    + " AND NOT EXISTS"
                    + " (SELECT 1 FROM %1$s.private_control_action m WHERE m.control_id = c.id)",
                key))
        .as("controls mapped to no action")
        .isZero();
    assertThat(staged(id)).as("staged items left").isZero();
  }

  @Test
  void parametersAreRenderedAsTextInTheProse() throws IOException {
    String key = Api.unique("moderate");
    try (InputStream in =
        Files.newInputStream(
            OSCAL.resolve(
                "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json"))) {
      long id = TemplateImports.start(admin, tenant, key, "oscal", in);
      assertThat(TemplateImports.finished(admin, tenant, id).getString("status"))
          .isEqualTo("PUBLISHED");
    }
    List<String> prose =
        TestDatabase.rows(
            String.format(
                "SELECT c.description FROM %s.private_control c"
                    + VERSION_OF.replace("?", "'" + key + "'")
                    + " AND upper(c.control_id) IN ('AC-1', 'AC-01')",
                schema()));
    assertThat(prose).hasSize(1);
    assertThat(prose.get(0))
        .contains("organization-defined personnel or roles")
        .contains("organization-level")
        .contains("mission/business process-level")
        .doesNotContain("{{")
        .doesNotContain("insert: param");
  }

  @Test
  void theUnresolvedProfileIsRefusedAndSaysWhatToSendInstead() throws IOException {
    String key = Api.unique("profile");
    long id;
    try (InputStream in =
        Files.newInputStream(OSCAL.resolve("NIST_SP-800-53_rev5_MODERATE-baseline_profile.json"))) {
      id = TemplateImports.start(admin, tenant, key, "oscal", in);
    }
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).isEqualTo("INVALID");
    assertThat(done.getString("problems[0].reason")).containsIgnoringCase("profile");
    assertNothingPublished(tenant, id, key);
  }

  @Test
  void aWorkbookInComplianceManagersLayoutImports() throws IOException {
    String key = Api.unique("cm");
    byte[] workbook =
        workbook(
            List.of("Template", "ControlFamily", "Actions"),
            Map.of(
                "Template",
                List.of(
                    List.of("title", "product", "certification", "inScopeServices"),
                    List.of("Acme privacy baseline", "Acme 365", "GDPR", "Mail;;Files")),
                "ControlFamily",
                List.of(
                    List.of(
                        "controlName",
                        "controlFamily",
                        "controlTitle",
                        "controlDescription",
                        "controlActionTitle"),
                    List.of(
                        "ACME-1",
                        "Access",
                        "Limit admin access",
                        "Admins are few.",
                        "Enable MFA for admins;;Review admin roles"),
                    List.of(
                        "ACME-2",
                        "Access",
                        "Review access",
                        "Access is reviewed.",
                        "Review admin roles")),
                "Actions",
                List.of(
                    List.of(
                        "actionTitle",
                        "implementationType",
                        "actionScore",
                        "actionDescriptionTitle",
                        "actionDescription",
                        "dimension-Owner",
                        "dimension-Solution"),
                    List.of(
                        "Enable MFA for admins",
                        "technical",
                        "27",
                        "Implementation",
                        "Turn MFA on.",
                        "IT",
                        "Entra ID"),
                    List.of(
                        "Review admin roles",
                        "Operational",
                        "9",
                        "Implementation",
                        "Review quarterly.",
                        "Security",
                        "Entra ID"))));
    long id =
        TemplateImports.start(admin, tenant, key, "excel", new ByteArrayInputStream(workbook));
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("PUBLISHED");
    assertThat(
            TestDatabase.rows(
                String.format(
                    "SELECT c.control_id || ':' || a.action_key || ':' || a.points || ':' || a.action_type"
                        + " FROM %s.private_control c JOIN %1$s.private_control_action m ON m.control_id = c.id"
                        + " JOIN %1$s.action a ON a.id = m.action_id"
                        + VERSION_OF.replace("?", "'" + key + "'")
                        + " ORDER BY 1",
                    schema())))
        .containsExactly(
            "ACME-1:tenant:enable-mfa-for-admins:27:TECHNICAL",
            "ACME-1:tenant:review-admin-roles:9:OPERATIONAL",
            "ACME-2:tenant:review-admin-roles:9:OPERATIONAL");

    // exported, imported again under another key and exported again: the same workbook content
    byte[] first = export(key, "excel");
    String again = Api.unique("cm-again");
    long reimport =
        TemplateImports.start(admin, tenant, again, "excel", new ByteArrayInputStream(first));
    assertThat(TemplateImports.finished(admin, tenant, reimport).getString("status"))
        .isEqualTo("PUBLISHED");
    byte[] second = export(again, "excel");
    assertThat(cells(second)).isEqualTo(cells(first));
    assertThat(cells(first).get("Actions"))
        .as("category and responsibility travel as dimensions")
        .contains(
            List.of(
                "Enable MFA for admins",
                "Technical",
                "27",
                "Implementation",
                "Turn MFA on.",
                "IT",
                "Entra ID",
                "Manage compliance",
                "Customer"));
  }

  @Test
  void aVersionExportedAsOscalImportsAgainWithTheSameControls() throws IOException {
    String key = Api.unique("low");
    try (InputStream in =
        Files.newInputStream(
            OSCAL.resolve("NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json"))) {
      long id = TemplateImports.start(admin, tenant, key, "oscal", in);
      assertThat(TemplateImports.finished(admin, tenant, id).getString("status"))
          .isEqualTo("PUBLISHED");
    }
    byte[] catalog = export(key, "oscal");
    assertThat(new String(catalog, StandardCharsets.UTF_8)).startsWith("{").contains("\"catalog\"");
    String again = Api.unique("low-again");
    long id =
        TemplateImports.start(admin, tenant, again, "oscal", new ByteArrayInputStream(catalog));
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("PUBLISHED");
    String controls =
        "SELECT c.control_id, c.family, c.title, c.description FROM %1$s.private_control c"
            + " JOIN %1$s.private_template_version v ON v.id = c.version_id"
            + " JOIN %1$s.private_template t ON t.id = v.template_id WHERE t.template_key = '%2$s'";
    String before = String.format(controls, schema(), key);
    String after = String.format(controls, schema(), again);
    assertThat(TestDatabase.count("SELECT count(*) FROM (" + after + ") a")).isEqualTo(149);
    assertThat(
            TestDatabase.count("SELECT count(*) FROM ((" + before + ") EXCEPT (" + after + ")) d"))
        .isZero();
    // the tenant's own actions, derived in its namespace, travel out and in again as the same
    String keys =
        "SELECT DISTINCT a.action_key FROM %1$s.private_control_action m"
            + " JOIN %1$s.private_control c ON c.id = m.control_id JOIN %1$s.action a ON a.id ="
            + " m.action_id JOIN %1$s.private_template_version v ON v.id = c.version_id"
            + " JOIN %1$s.private_template t ON t.id = v.template_id WHERE t.template_key = '%2$s'"
            + " ORDER BY 1";
    List<String> own = TestDatabase.rows(String.format(keys, schema(), key));
    assertThat(own).isNotEmpty().allMatch(actionKey -> actionKey.startsWith("tenant:"));
    assertThat(new String(catalog, StandardCharsets.UTF_8)).contains("\"" + own.get(0) + "\"");
    assertThat(TestDatabase.rows(String.format(keys, schema(), again))).isEqualTo(own);
  }

  /**
   * Keys a file states are taken as they are: into a tenant, a plain key names a library action
   * (which the library must have) and an own action's key is "tenant:name"; the problem says how to
   * write it.
   */
  @Test
  void aTenantsFileNamingItsOwnActionsOutsideItsNamespaceIsRefusedSayingHowToWriteThem() {
    String ns = "https://regulus.io/ns/oscal";
    String catalog =
        """
        {"catalog": {"uuid": "5d7ab5d0-3c4e-4a39-9f0b-1c2d3e4f5a6b",
          "metadata": {"title": "Vendor keys", "last-modified": "2026-01-01T00:00:00Z",
                       "version": "1", "oscal-version": "1.1.2"},
          "groups": [{"id": "g", "title": "Vendors", "parts": [
            {"name": "action", "ns": "NS", "title": "Review vendors", "prose": "Review them.",
             "props": [{"name": "key", "ns": "NS", "value": "vendor-review-KEY"}]},
            {"name": "action", "ns": "NS", "title": "Rate vendors", "prose": "Rate them.",
             "props": [{"name": "key", "ns": "NS", "value": "firm:rate-vendors"}]},
            {"name": "action", "ns": "NS", "title": "Ask vendors", "prose": "Ask them.",
             "props": [{"name": "key", "ns": "NS", "value": "tenant:ask-vendors"}]}],
            "controls": [{"id": "v-1", "title": "Vendors reviewed",
              "props": [{"name": "action", "ns": "NS", "value": "vendor-review-KEY"},
                        {"name": "action", "ns": "NS", "value": "firm:rate-vendors"},
                        {"name": "action", "ns": "NS", "value": "tenant:ask-vendors"}],
              "parts": [{"id": "v-1_smt", "name": "statement", "prose": "Vendors are reviewed."}]}]}]}}
        """
            .replace("NS", ns)
            .replace("KEY", java.util.UUID.randomUUID().toString().substring(0, 8));
    String key = Api.unique("vendor-keys");
    long id =
        TemplateImports.start(
            admin,
            tenant,
            key,
            "oscal",
            new ByteArrayInputStream(catalog.getBytes(StandardCharsets.UTF_8)));
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("INVALID");
    assertThat(done.getList("problems.reason", String.class))
        .as(done.prettify())
        .hasSize(2)
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .startsWith("the library has no action 'vendor-review-")
                    .contains(
                        "your own actions' keys start with 'tenant:' (tenant:vendor-review-",
                        "a plain key names a library action"))
        .anySatisfy(reason -> assertThat(reason).contains("(tenant:rate-vendors)"));
    assertNothingPublished(tenant, id, key);
  }

  private static byte[] export(String key, String format) {
    return Api.as(admin)
        .queryParam("format", format)
        .get("/tenants/{t}/templates/{key}/versions/1/export", tenant, key)
        .then()
        .statusCode(200)
        .extract()
        .asByteArray();
  }

  /** Every tab's cells as text, row by row. */
  private static Map<String, List<List<String>>> cells(byte[] workbook) throws IOException {
    Map<String, List<List<String>>> tabs = new java.util.LinkedHashMap<>();
    org.apache.poi.ss.usermodel.DataFormatter formatter =
        new org.apache.poi.ss.usermodel.DataFormatter();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      for (Sheet sheet : book) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (Row row : sheet) {
          List<String> values = new java.util.ArrayList<>();
          for (int c = 0; c < row.getLastCellNum(); c++) {
            values.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
          }
          rows.add(values);
        }
        tabs.put(sheet.getSheetName(), rows);
      }
    }
    return tabs;
  }

  static Stream<Arguments> badFiles() throws IOException {
    List<List<String>> template =
        List.of(
            List.of("title", "product", "certification", "inScopeServices"),
            List.of("T", "P", "C", "S"));
    List<List<String>> controls =
        List.of(
            List.of(
                "controlName",
                "controlFamily",
                "controlTitle",
                "controlDescription",
                "controlActionTitle"),
            List.of("C-1", "F", "Title", "Text", "A one"));
    List<String> actionHeader =
        List.of(
            "actionTitle",
            "implementationType",
            "actionScore",
            "actionDescriptionTitle",
            "actionDescription");
    List<List<String>> actions =
        List.of(actionHeader, List.of("A one", "Technical", "5", "How", "Do it"));
    byte[] moderate =
        Files.readAllBytes(
            OSCAL.resolve(
                "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json"));
    return Stream.of(
        Arguments.of(
            "corrupt XLSX",
            "excel",
            corrupt(
                workbook(
                    List.of("Template", "ControlFamily", "Actions"),
                    Map.of("Template", template, "ControlFamily", controls, "Actions", actions)))),
        Arguments.of(
            "wrong tab order",
            "excel",
            workbook(
                List.of("Actions", "ControlFamily", "Template"),
                Map.of("Template", template, "ControlFamily", controls, "Actions", actions))),
        Arguments.of(
            "missing columns",
            "excel",
            workbook(
                List.of("Template", "ControlFamily", "Actions"),
                Map.of(
                    "Template",
                    template,
                    "ControlFamily",
                    List.of(List.of("controlName", "controlTitle"), List.of("C-1", "T")),
                    "Actions",
                    actions))),
        Arguments.of(
            "duplicate action titles",
            "excel",
            workbook(
                List.of("Template", "ControlFamily", "Actions"),
                Map.of(
                    "Template",
                    template,
                    "ControlFamily",
                    controls,
                    "Actions",
                    List.of(
                        actionHeader,
                        List.of("A one", "Technical", "5", "H", "D"),
                        List.of("A one", "Technical", "5", "H", "D"))))),
        Arguments.of(
            "score of 0",
            "excel",
            workbook(
                List.of("Template", "ControlFamily", "Actions"),
                Map.of(
                    "Template",
                    template,
                    "ControlFamily",
                    controls,
                    "Actions",
                    List.of(actionHeader, List.of("A one", "Technical", "0", "H", "D"))))),
        Arguments.of(
            "score of 100",
            "excel",
            workbook(
                List.of("Template", "ControlFamily", "Actions"),
                Map.of(
                    "Template",
                    template,
                    "ControlFamily",
                    controls,
                    "Actions",
                    List.of(actionHeader, List.of("A one", "Technical", "100", "H", "D"))))),
        Arguments.of(
            "unknown action",
            "excel",
            workbook(
                List.of("Template", "ControlFamily", "Actions"),
                Map.of(
                    "Template",
                    template,
                    "ControlFamily",
                    List.of(
                        controls.get(0), List.of("C-1", "F", "T", "D", "A one;;No such action")),
                    "Actions",
                    actions))),
        Arguments.of("ZIP bomb disguised as XLSX", "excel", zipBomb()),
        Arguments.of(
            "external entity in a part",
            "excel",
            withExternalEntity(
                workbook(
                    List.of("Template", "ControlFamily", "Actions"),
                    Map.of("Template", template, "ControlFamily", controls, "Actions", actions)))),
        Arguments.of(
            "invalid JSON",
            "oscal",
            "{\"catalog\": {\"uuid\": ,}}".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("truncated OSCAL", "oscal", Arrays.copyOf(moderate, moderate.length / 2)),
        Arguments.of(
            "an SSP",
            "oscal",
            "{\"system-security-plan\": {\"uuid\": \"0c3c1d0e-0000-4000-8000-000000000000\", \"metadata\": {\"title\": \"SSP\"}}}"
                .getBytes(StandardCharsets.UTF_8)),
        Arguments.of(
            "an unresolved profile",
            "oscal",
            "{\"profile\": {\"uuid\": \"0c3c1d0e-0000-4000-8000-000000000001\", \"metadata\": {\"title\": \"P\"}, \"imports\": []}}"
                .getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badInputGetsAllItsProblemsReportedAndNothingPublished(
      String what, String format, byte[] file) {
    String key = Api.unique("bad");
    long id = TemplateImports.start(admin, tenant, key, format, new ByteArrayInputStream(file));
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).as(what + ": " + done.prettify()).isEqualTo("INVALID");
    assertThat(done.getList("problems")).as(what).isNotEmpty();
    assertThat(done.getInt("problemCount")).isGreaterThanOrEqualTo(done.getList("problems").size());
    assertThat(done.prettify()).as("nothing read from the server's files").doesNotContain("root:");
    assertNothingPublished(tenant, id, key);
  }

  @Test
  void a200MegabyteUploadIsRefusedAtTheLimitAndNothingIsKept() throws Exception {
    String key = Api.unique("huge");
    long total = 200L << 20;
    java.io.InputStream zeros =
        new java.io.InputStream() {
          private long left = total;

          @Override
          public int read() {
            return left-- > 0 ? 'x' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
          }
        };
    java.net.http.HttpResponse<String> answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            Api.BASE_URL
                                + "/api/v1/tenants/"
                                + tenant
                                + "/template-imports?format=excel&key="
                                + key))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/octet-stream")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> zeros))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("REGULUS_TEMPLATE_IMPORT_MAX_BYTES", "Nothing was imported");
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.template_import WHERE template_key = ?", key))
        .isZero();
  }

  @Test
  void aFileWithSeveralFaultsGetsThemAllReportedAtOnce() throws IOException {
    List<String> header =
        List.of(
            "actionTitle",
            "implementationType",
            "actionScore",
            "actionDescriptionTitle",
            "actionDescription");
    byte[] file =
        workbook(
            List.of("Template", "ControlFamily", "Actions"),
            Map.of(
                "Template",
                List.of(
                    List.of("title", "product", "certification", "inScopeServices"),
                    List.of("T", "P", "C", "S")),
                "ControlFamily",
                List.of(
                    List.of(
                        "controlName",
                        "controlFamily",
                        "controlTitle",
                        "controlDescription",
                        "controlActionTitle"),
                    List.of("C-1", "F", "T", "D", "A one;;Nowhere")),
                "Actions",
                List.of(
                    header,
                    List.of("A one", "Technical", "0", "H", "D"),
                    List.of("A two", "Magic", "100", "H", "D"))));
    String key = Api.unique("faults");
    long id = TemplateImports.start(admin, tenant, key, "excel", new ByteArrayInputStream(file));
    JsonPath done = TemplateImports.finished(admin, tenant, id);
    assertThat(done.getString("status")).isEqualTo("INVALID");
    assertThat(done.getInt("problemCount")).as(done.prettify()).isGreaterThanOrEqualTo(4);
    assertNothingPublished(tenant, id, key);
  }

  @Test
  void anotherTenantNeitherSeesNorStopsAnImport() throws IOException {
    long id;
    try (InputStream in = Files.newInputStream(OSCAL.resolve("basic-catalog.json"))) {
      id = TemplateImports.start(admin, tenant, Api.unique("mine"), "oscal", in);
    }
    String other = Platform.tenant("others", null);
    String otherAdmin = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
    Api.as(otherAdmin).get("/tenants/{t}/template-imports/{id}", other, id).then().statusCode(404);
    Api.as(otherAdmin)
        .post("/tenants/{t}/template-imports/{id}/stop", other, id)
        .then()
        .statusCode(404);
    Api.as(otherAdmin).get("/tenants/{t}/template-imports/{id}", tenant, id).then().statusCode(403);
    assertThat(
            Api.as(otherAdmin)
                .get("/tenants/{t}/template-imports", other)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id"))
        .doesNotContain((int) id);
    TemplateImports.finished(admin, tenant, id);
  }

  @Test
  void aReaderCannotImport() throws IOException {
    String reader = KeycloakClient.token(KeycloakClient.createMember(tenant, "reader"));
    Api.as(reader)
        .contentType("application/json")
        .queryParam("key", Api.unique("no"))
        .queryParam("format", "oscal")
        .body(Files.readAllBytes(OSCAL.resolve("basic-catalog.json")))
        .post("/tenants/{tenant}/template-imports", tenant)
        .then()
        .statusCode(403);
  }

  @Test
  void theOperatorImportsIntoTheGlobalLibraryForEveryTenant() throws IOException {
    String key = Api.unique("global");
    long id;
    try (InputStream in = Files.newInputStream(OSCAL.resolve("basic-catalog.json"))) {
      id =
          Api.as(Platform.operator())
              .contentType("application/json")
              .queryParam("key", key)
              .queryParam("format", "oscal")
              .queryParam("version", "2024")
              .body(in)
              .post("/platform/template-imports")
              .then()
              .statusCode(202)
              .extract()
              .jsonPath()
              .getLong("id");
    }
    JsonPath done = null;
    for (int i = 0; i < 600; i++) {
      done =
          Api.as(Platform.operator())
              .get("/platform/template-imports/{id}", id)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (!List.of("QUEUED", "RUNNING").contains(done.getString("status"))) {
        break;
      }
      TemplateImports.sleep(200);
    }
    assertThat(done.getString("status")).as(done.prettify()).isEqualTo("PUBLISHED");
    assertThat(done.getString("publishedVersion")).isEqualTo("2024");
    Api.as(admin)
        .get("/tenants/{t}/templates/{key}", tenant, key)
        .then()
        .statusCode(200)
        .body("versions", org.hamcrest.Matchers.contains("2024"));
    Api.as(admin).get("/platform/template-imports/{id}", id).then().statusCode(403);
  }

  private static final String VERSION_OF =
      " JOIN %1$s.private_template_version v ON v.id = c.version_id"
          + " JOIN %1$s.private_template t ON t.id = v.template_id WHERE t.template_key = ?";

  private static String schema() {
    return "tenant_" + tenant.replace('-', '_');
  }

  private static long privateCount(String sql, String key) {
    return TestDatabase.count(String.format(sql, schema()), key);
  }

  private static long staged(long id) {
    return TestDatabase.count(
        "SELECT count(*) FROM platform.template_import_item WHERE import_id = ?", id);
  }

  static void assertNothingPublished(String tenant, long id, String key) {
    assertThat(
            TestDatabase.count(
                String.format(
                    "SELECT count(*) FROM tenant_%s.private_template WHERE template_key = ?",
                    tenant.replace('-', '_')),
                key))
        .as("template published")
        .isZero();
    assertThat(staged(id)).as("staged items left").isZero();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.template_import WHERE id = ? AND file_oid IS NOT NULL",
                id))
        .as("uploaded file left")
        .isZero();
  }

  /** A workbook with the given tabs in order, each a list of rows. */
  static byte[] workbook(List<String> tabs, Map<String, List<List<String>>> rows)
      throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String tab : tabs) {
        Sheet sheet = workbook.createSheet(tab);
        List<List<String>> content = rows.get(tab);
        for (int r = 0; r < content.size(); r++) {
          Row row = sheet.createRow(r);
          for (int c = 0; c < content.get(r).size(); c++) {
            row.createCell(c).setCellValue(content.get(r).get(c));
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] corrupt(byte[] workbook) {
    byte[] broken = Arrays.copyOf(workbook, workbook.length);
    for (int i = broken.length / 3; i < broken.length / 3 + 200; i++) {
      broken[i] = (byte) 0x5a;
    }
    return broken;
  }

  /** A ZIP whose first sheet inflates to 1 GB of spaces (a few MB on the wire). */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 1024; i++) {
        zip.write(spaces);
      }
    }
    return out.toByteArray();
  }

  /** The workbook with a DOCTYPE declaring an external entity in its shared strings and sheets. */
  private static byte[] withExternalEntity(byte[] workbook) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (entry.getName().endsWith(".xml") && entry.getName().startsWith("xl/")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int at = xml.indexOf("?>") + 2;
          xml =
              xml.substring(0, at)
                  + "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                  + xml.substring(at).replaceFirst("<t>([^<]*)</t>", "<t>&secret;</t>");
          content = xml.getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(content);
      }
    }
    return out.toByteArray();
  }
}
