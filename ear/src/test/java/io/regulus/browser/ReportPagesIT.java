package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.JobRuns;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import io.regulus.it.ScoredTenant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Reports pages: a tenant's reader lists the day's executive summary and workbook and downloads
 * the summary (a PDF); a firm's consultant lists and downloads the firm's portfolio report from the
 * portfolio page's link; a reader of another tenant who edits the address gets the access-denied
 * page and none of the reports.
 */
class ReportPagesIT {

  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static String firm;
  private static ScoredTenant scored;

  @BeforeAll
  static void reportsOfTheDay() {
    Platform.awaitReady();
    firm = Platform.firm("uirfirm");
    scored = ScoredTenant.build(Platform.tenant("ui-rep", firm), "GDPR portal");
    JobRuns.complete("/platform/score-recomputes", TODAY);
    JobRuns.complete("/platform/report-builds", TODAY);
  }

  @Test
  void aReaderListsTheDaysReportsAndDownloadsTheSummary() {
    String reader = KeycloakClient.createMember(scored.slug(), "reader");
    Ui ui = Ui.signIn(reader, "/app/dashboard.xhtml?tenant=" + scored.slug());
    ui.clickToLoad("a[href*='/app/reports.xhtml']");
    assertThat(ui.url()).contains("/app/reports.xhtml").contains("tenant=" + scored.slug());
    assertThat(ui.texts(".report-kind"))
        .containsExactly("Executive summary (PDF)", "Workbook (Excel)");
    assertThat(ui.texts(".report-day")).containsOnly(TODAY.toString());
    assertThat(ui.texts(".report-snapshot")).containsOnly(TODAY.toString());
    assertThat(ui.consoleErrors()).as("script errors and CSP refusals").isEmpty();
    ui.screenshots("reports").accessibility("reports");

    Map<String, Object> download = post(ui, "reports-form", "reports:0:download");
    assertThat(download.get("status")).isEqualTo(200L);
    assertThat((String) download.get("body")).startsWith("%PDF-");
  }

  @Test
  void aConsultantOpensTheFirmsPortfolioReportsFromThePortfolio() {
    String consultant =
        KeycloakClient.createUser(
            "uircons", "/firms/" + firm + "/consultant", "/tenants/" + scored.slug() + "/reader");
    Ui ui = Ui.signIn(consultant, "/app/portfolio.xhtml?firm=" + firm);
    ui.clickToLoad("#firm-reports-link");
    assertThat(ui.url()).contains("/app/firm-reports.xhtml").contains("firm=" + firm);
    assertThat(ui.texts(".report-kind")).containsExactly("Portfolio report (PDF)");
    assertThat(ui.texts(".report-snapshot")).containsExactly(TODAY.toString());
    ui.screenshots("firm-reports").accessibility("firm-reports");
    Map<String, Object> download = post(ui, "reports-form", "reports:0:download");
    assertThat(download.get("status")).isEqualTo(200L);
    assertThat((String) download.get("body")).startsWith("%PDF-");
  }

  @Test
  void anotherTenantsReaderIsDeniedTheReports() {
    String elsewhere = Platform.tenant("ui-repx", null);
    String reader = KeycloakClient.createMember(elsewhere, "reader");
    Ui ui = Ui.signIn(reader, "/app/reports.xhtml?tenant=" + elsewhere);
    assertThat(ui.texts(".report-row")).isEmpty();
    ui.open("/app/reports.xhtml?tenant=" + scored.slug());
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.present(".report-kind")).isFalse();
    ui.open("/app/firm-reports.xhtml?firm=" + firm);
    assertThat(ui.present("#access-denied")).isTrue();
  }

  /** Posts the form's button as the browser would (with the page's session): status and body. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> post(Ui ui, String formId, String button) {
    return (Map<String, Object>)
        ui.driver()
            .executeAsyncScript(
                "const [formId, button, done] = arguments;"
                    + " const form = document.getElementById(formId);"
                    + " const data = new FormData(form);"
                    + " data.set(button, button);"
                    + " fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})"
                    + "   .then(r => r.text().then(body => done({status: r.status, body: body})))"
                    + "   .catch(e => done({status: -1, body: String(e)}));",
                formId,
                button);
  }
}
