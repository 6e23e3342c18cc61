package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The template import page in Chromium: an admin imports NIST's basic OSCAL catalog and watches it
 * reach PUBLISHED; an invalid file shows its problem report with where each problem is; a reader
 * sees the imports but no form; the Templates page offers the import and both exports.
 */
class TemplateImportPagesIT {

  private static String tenant;
  private static String admin;
  private static String reader;

  @BeforeAll
  static void world() {
    Platform.awaitReady();
    tenant = Platform.tenant("tip", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    reader = KeycloakClient.createMember(tenant, "reader");
  }

  @Test
  void anAdminImportsACatalogAndSeesABadFilesProblemsWhereTheyAre() throws IOException {
    Ui ui = Ui.signIn(admin, "/app/templates.xhtml?tenant=" + tenant);
    ui.clickToLoad("#import-template");
    assertThat(ui.url()).contains("/app/template-import.xhtml?tenant=" + tenant);
    ui.accessibility("template-import");

    String key = Api.unique("basic");
    ui.type("#key", key);
    new Select(ui.driver().findElement(By.id("format"))).selectByValue("OSCAL");
    Path catalog =
        Path.of(System.getProperty("regulus.data-dir", "../data"), "oscal", "basic-catalog.json")
            .toAbsolutePath();
    ui.driver().findElement(By.id("file_input")).sendKeys(catalog.toString());
    awaitStatus(ui, "PUBLISHED");
    assertThat(ui.text("#messages")).contains("basic-catalog.json");
    assertThat(ui.texts(".import-row"))
        .anyMatch(row -> row.contains(key) && row.contains("Published as version 1"));

    Path broken = Files.createTempFile("broken-", ".json");
    Files.writeString(broken, "{\"catalog\": {\"uuid\": ", StandardCharsets.UTF_8);
    ui.type("#key", Api.unique("broken"));
    new Select(ui.driver().findElement(By.id("format"))).selectByValue("OSCAL");
    ui.driver().findElement(By.id("file_input")).sendKeys(broken.toString());
    awaitStatus(ui, "INVALID");
    ui.clickToLoad(".import-row:first-child .show-problems");
    ui.text("#problems");
    assertThat(ui.texts("#problems .problem-row")).isNotEmpty();
    assertThat(ui.consoleErrors())
        .as("script errors or blocked resources")
        .filteredOn(error -> !error.contains("favicon"))
        .isEmpty();
    ui.accessibility("template-import-report").screenshots("template-import");

    ui.open("/app/templates.xhtml?tenant=" + tenant);
    assertThat(ui.present(".export-excel")).isTrue();
    assertThat(ui.present(".export-oscal")).isTrue();
    ui.screenshots("templates-with-exports");
  }

  @Test
  void aReaderSeesTheImportsButNoForm() {
    Ui ui = Ui.signIn(reader, "/app/template-import.xhtml?tenant=" + tenant);
    assertThat(ui.present("#file_input")).isFalse();
    assertThat(ui.present(".not-allowed")).isTrue();
    assertThat(ui.present("#imports")).isTrue();
  }

  private static void awaitStatus(Ui ui, String status) {
    new WebDriverWait(ui.driver(), Duration.ofMinutes(2))
        .until(
            driver ->
                !driver
                    .findElements(
                        By.cssSelector(
                            ".import-row:first-child .import-status[data-status='" + status + "']"))
                    .isEmpty());
    ui.waitUntilReady();
  }
}
