package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The scanner findings page in Chromium: an admin reaches it from the menu, imports the committed
 * Prowler sample and sees what was stored and the checks skipped; a malformed copy shows every
 * problem with its finding and field; a reader sees the checks an import reads but no upload.
 */
class FindingsPagesIT {

  private static final Path SAMPLE =
      Path.of(System.getProperty("regulus.data-dir", "../data"), "ocsf", "prowler-sample.ocsf.json")
          .toAbsolutePath();

  private static String tenant;
  private static String admin;
  private static String reader;

  @BeforeAll
  static void world() {
    Platform.awaitReady();
    tenant = Platform.tenant("fnd", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    reader = KeycloakClient.createMember(tenant, "reader");
  }

  @Test
  void anAdminImportsTheSampleAndSeesAMalformedCopysProblems() throws IOException {
    Ui ui = Ui.signIn(admin, "/app/dashboard.xhtml?tenant=" + tenant);
    ui.clickToLoad("a[href*='/app/findings.xhtml']");
    assertThat(ui.url()).contains("/app/findings.xhtml?tenant=" + tenant);
    assertThat(ui.driver().findElement(By.id("checks")).isDisplayed()).isFalse();
    ui.click("#checks-details summary");
    assertThat(ui.texts("#checks .check-row"))
        .anyMatch(
            row -> row.contains("iam_root_mfa_enabled") && row.contains("mfa.admins.enforced"));
    ui.accessibility("findings");

    ui.driver().findElement(By.id("file_input")).sendKeys(SAMPLE.toString());
    assertThat(ui.awaitTexts("#outcome p", texts -> !texts.isEmpty()).get(0))
        .contains("54 findings read, 50 signals stored, 2 findings skipped");
    assertThat(ui.text("#messages")).contains("prowler-sample.ocsf.json", "50 signals stored");
    assertThat(ui.texts("#skipped .skipped-row"))
        .anyMatch(row -> row.contains("accessanalyzer_enabled"))
        .anyMatch(row -> row.contains("account_maintain_current_contact_details"));
    ui.accessibility("findings-imported").screenshots("findings");

    String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
    Path broken = Files.createTempFile("broken-findings-", ".json");
    Files.writeString(
        broken,
        text.replaceFirst("\"status_code\": \"PASS\"", "\"status_code\": \"PASSED\"")
            .replaceFirst("\"class_uid\": 2004", "\"class_uid\": \"2004\""),
        StandardCharsets.UTF_8);
    ui.driver().findElement(By.id("file_input")).sendKeys(broken.toString());
    assertThat(ui.awaitTexts("#problems .problem-row", rows -> rows.size() == 2))
        .satisfiesExactly(
            row -> assertThat(row).contains("[0].class_uid", "class_uid 2004"),
            row -> assertThat(row).contains("[0].status_code", "PASS, FAIL or MANUAL"));
    assertThat(ui.present("#outcome")).isFalse();
    assertThat(ui.text("#messages")).contains("Nothing of", "2 problems");
    assertThat(ui.consoleErrors())
        .as("script errors or blocked resources")
        .filteredOn(error -> !error.contains("favicon"))
        .isEmpty();
    ui.accessibility("findings-refused").screenshots("findings-refused");
    Files.delete(broken);
  }

  @Test
  void aReaderSeesTheChecksButNoUploadNorMenuEntry() {
    Ui ui = Ui.signIn(reader, "/app/findings.xhtml?tenant=" + tenant);
    assertThat(ui.present("#file_input")).isFalse();
    assertThat(ui.present(".not-allowed")).isTrue();
    ui.click("#checks-details summary");
    assertThat(ui.texts("#checks .check-row")).hasSizeGreaterThanOrEqualTo(10);
    assertThat(ui.present("nav a[href*='/app/findings.xhtml']")).isFalse();
  }
}
