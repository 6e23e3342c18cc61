package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.JobRuns;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Jobs page in Chromium, as olivia the operator: a score recomputation started from the page,
 * followed while it runs until its partitions have all completed; the list filtered by job; a
 * stopped import offering only what the domain allows (abandon, not restart), then abandoned;
 * anyone else meets the access-denied page.
 */
class JobsPagesIT {

  private static final String OPERATOR = "olivia";
  private static final String PAGE = "/app/platform/jobs.xhtml";

  @BeforeAll
  static void ready() {
    Platform.awaitReady();
  }

  @Test
  void anOperatorStartsARecomputationAndFollowsItsPartitionsToTheEnd() {
    Ui ui = Ui.signIn(OPERATOR, PAGE);
    ui.accessibility("platform-jobs").screenshots("platform-jobs");

    ui.click("#recompute-start");
    assertThat(ui.text("#messages")).contains("started, recording");
    String run = ui.text("#detail-heading");
    awaitDetailStatus(ui, "COMPLETED");
    assertThat(ui.text("#detail-heading")).isEqualTo(run);
    assertThat(ui.texts("tr.partition-row .partition-status"))
        .isNotEmpty()
        .containsOnly("completed");
    assertThat(ui.text("tr.step-row .step-progress")).contains("100%");
    assertThat(ui.present("#run-stop, #run-restart, #run-abandon")).isFalse();
    assertThat(ui.present("#failure-reason")).isFalse();
    assertThat(ui.consoleErrors()).isEmpty();
    ui.accessibility("platform-job-detail").screenshots("platform-job-detail");

    new Select(ui.driver().findElement(By.id("jobs-job"))).selectByValue("template-import");
    ui.click("#jobs-apply");
    assertThat(ui.texts("tr.run-row .run-job")).isNotEmpty().containsOnly("template-import");
  }

  @Test
  void aStoppedImportOffersOnlyToBeAbandonedAndIsAbandoned() {
    long execution = JobRuns.stoppedImport();
    Ui ui = Ui.signIn(OPERATOR, PAGE + "?execution=" + execution);
    assertThat(ui.present("#detail-status")).as(ui.driver().getPageSource()).isTrue();
    assertThat(ui.text("#detail-status")).isEqualTo("stopped");
    assertThat(ui.present("#run-abandon")).isTrue();
    assertThat(ui.present("#run-restart")).isFalse();
    assertThat(ui.present("#run-stop")).isFalse();
    ui.accessibility("platform-job-stopped").screenshots("platform-job-stopped");

    ui.click("#run-abandon");
    assertThat(ui.text("#messages")).contains("abandoned");
    assertThat(ui.text("#detail-status")).isEqualTo("abandoned");
    assertThat(ui.present("#run-abandon")).isFalse();
    assertThat(JobRuns.detail(execution).getString("run.status")).isEqualTo("ABANDONED");
  }

  @Test
  void someoneWhoIsNotAnOperatorGetsTheAccessDeniedPage() {
    String slug = Platform.tenant("ui-jobs", null);
    Ui ui = Ui.signIn(KeycloakClient.createMember(slug, "admin"), PAGE);
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.text("#problem-detail")).contains("platform operators");
    assertThat(ui.present(".run-row, #recompute-form")).isFalse();
  }

  private static void awaitDetailStatus(Ui ui, String status) {
    try {
      new WebDriverWait(ui.driver(), Duration.ofMinutes(2))
          .until(
              driver ->
                  !driver
                      .findElements(By.cssSelector("#detail-status[data-status='" + status + "']"))
                      .isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "the run shown did not reach " + status + "; the page: " + ui.driver().getPageSource(),
          e);
    }
    ui.waitUntilReady();
  }
}
