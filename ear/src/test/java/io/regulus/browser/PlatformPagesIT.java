package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform pages in Chromium, as olivia the operator: a tenant's life cycle (suspend, export,
 * download a real archive, delete, with delete's preconditions shown in the domain's words while
 * they are not met), firms and the audit log; anyone else meets the access-denied page.
 */
class PlatformPagesIT {

  private static final String OPERATOR = "olivia";

  @BeforeAll
  static void ready() {
    Platform.awaitReady();
  }

  @Test
  void anOperatorSuspendsExportsDownloadsAndDeletesATenant() throws IOException {
    String slug = Platform.tenant("ui-life", null);
    Ui ui = Ui.signIn(OPERATOR, "/app/platform/tenants.xhtml");
    ui.accessibility("platform-tenants").screenshots("platform-tenants");

    ui.open(tenantPage(slug));
    assertThat(ui.text("#tenant-status")).isEqualTo("active");
    assertThat(ui.driver().findElement(org.openqa.selenium.By.id("delete")).isEnabled()).isFalse();
    assertThat(ui.text("#delete-reason")).contains("is ACTIVE");
    ui.screenshots("platform-tenant-active");
    assertThat(refusalOfDelete(slug)).startsWith(ui.text("#delete-reason"));

    ui.click("#suspend").click("#confirm-yes");
    assertThat(ui.text("#tenant-status")).isEqualTo("suspended");
    assertThat(ui.text("#delete-reason")).contains("has no export taken since it was suspended");
    assertThat(refusalOfDelete(slug)).startsWith(ui.text("#delete-reason"));

    ui.click("#export");
    assertThat(ui.text("#messages")).contains("is ready");
    assertThat(ui.texts("#export-list tr.export-row")).hasSize(1);
    assertThat(ui.present("#delete-refusal")).isFalse();
    assertThat(ui.driver().findElement(org.openqa.selenium.By.id("delete")).isEnabled()).isTrue();
    assertThat(ui.consoleErrors()).isEmpty();
    ui.open(tenantPage(slug)).accessibility("platform-tenant").screenshots("platform-tenant");

    Path archive = download(ui, ".download-export");
    byte[] head = Files.readAllBytes(archive);
    assertThat(head).startsWith('P', 'K', 3, 4);
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getName))
          .contains("manifest.json");
    }
    long exportId = Long.parseLong(ui.text("#export-list .export-id"));
    assertThat(Files.size(archive))
        .isEqualTo(
            Api.as(Platform.operator())
                .get("/platform/tenants/" + slug + "/exports")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Integer>getList("sizeBytes")
                .get(0)
                .longValue());
    assertThat(exportId).isPositive();

    ui.click("#delete").click("#confirm-yes");
    assertThat(ui.text("#tenant-status")).isEqualTo("deleted");
    assertThat(ui.present("#deleted-note")).isTrue();
    assertThat(
            Api.as(Platform.operator())
                .get("/platform/tenants/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .<String>path("status"))
        .isEqualTo("DELETED");
  }

  @Test
  void anOperatorCreatesAFirmAndReadsATenantsAuditLog() {
    String slug = Platform.tenant("ui-audit", null);
    Platform.suspend(slug);
    Ui ui = Ui.signIn(OPERATOR, "/app/platform/firms.xhtml");
    ui.accessibility("platform-firms").screenshots("platform-firms");

    String firm = Api.unique("ui-firm");
    ui.type("#firm-slug", firm).type("#firm-name", "Firm from the page");
    ui.click("#firm-create");
    assertThat(ui.text("#messages")).contains("Firm " + firm);
    assertThat(
            Api.as(Platform.operator())
                .queryParam("size", 500)
                .get("/platform/firms")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<String>getList("slug"))
        .contains(firm);

    ui.type("#firm-slug", "Not A Slug!");
    ui.click("#firm-create");
    assertThat(ui.text("#messages")).isNotBlank();
    assertThat(
            ui.driver().findElement(org.openqa.selenium.By.id("firm-slug")).getAttribute("value"))
        .isEqualTo("Not A Slug!");

    ui.open("/app/platform/audit.xhtml?tenant=" + slug);
    assertThat(ui.texts("#events .event-action"))
        .containsExactly("tenant.suspended", "tenant.provisioned");
    assertThat(ui.texts("#events .event-tenant")).containsOnly(slug);
    ui.accessibility("platform-audit").screenshots("platform-audit");
  }

  @Test
  void anOperatorAppointsAnAdminToATenantWithoutOne() {
    String slug = Platform.tenant("ui-appoint", null);
    String person = KeycloakClient.createUser("ui-appointed");
    Ui ui = Ui.signIn(OPERATOR, tenantPage(slug));

    ui.type("#appoint-email", person + "@it.example");
    ui.click("#appoint-send");
    assertThat(ui.text("#messages")).contains("Admin invitation sent to " + person + "@it.example");
    assertThat(io.regulus.it.Invitations.pending(person))
        .anyMatch(i -> slug.equals(i.get("tenant")) && "admin".equals(i.get("role")));
  }

  @Test
  void someoneWhoIsNotAnOperatorGetsTheAccessDeniedPageAndNoPlatformData() {
    String slug = Platform.tenant("ui-hidden", null);
    String admin = KeycloakClient.createMember(slug, "admin");
    Ui ui = Ui.signIn(admin, "/app/platform/tenants.xhtml");
    for (String page :
        List.of(
            "/app/platform/tenants.xhtml",
            tenantPage(slug),
            "/app/platform/firms.xhtml",
            "/app/platform/audit.xhtml")) {
      ui.open(page);
      assertThat(ui.present("#access-denied")).as(page).isTrue();
      assertThat(ui.text("#problem-detail")).as(page).contains("platform operators");
      assertThat(ui.present(".tenant-row, .firm-row, .event-row, #lifecycle-form"))
          .as(page)
          .isFalse();
    }
    assertThat(ui.present("a[href*='/app/platform/']")).isFalse();
  }

  private static String tenantPage(String slug) {
    return "/app/platform/tenant.xhtml?slug=" + slug;
  }

  /** The reason the API gives when asked to delete the tenant now (the domain's sentence). */
  private static String refusalOfDelete(String slug) {
    return Api.as(Platform.operator())
        .delete("/platform/tenants/" + slug)
        .then()
        .statusCode(422)
        .extract()
        .path("detail");
  }

  /** Clicks a download button and waits for the browser to have saved the whole file. */
  private static Path download(Ui ui, String css) throws IOException {
    Path dir = Files.createTempDirectory("regulus-download");
    ui.driver()
        .executeCdpCommand(
            "Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
    ui.driver().findElement(org.openqa.selenium.By.cssSelector(css)).click();
    return new org.openqa.selenium.support.ui.FluentWait<>(dir)
        .withTimeout(Duration.ofSeconds(30))
        .pollingEvery(Duration.ofMillis(200))
        .withMessage("an archive downloaded into " + dir)
        .until(PlatformPagesIT::archiveIn);
  }

  /** The finished .zip file in the directory (Chromium renames it so once it is whole), or null. */
  private static Path archiveIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".zip"))
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
