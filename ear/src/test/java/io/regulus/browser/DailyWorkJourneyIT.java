package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A day of work in one client organisation, each person in the browser as they use Regulus, one
 * step after the other on the same data: a consultant goes from the firm's portfolio to a client's
 * dashboard and switches to another client; the client's admin builds an assessment from a template
 * and assigns its actions to a contributor in bulk; the contributor finds one under "my actions",
 * implements it and uploads evidence; an assessor passes it; the dashboard's score has grown by
 * exactly the action's points; a reader sees all of it and no control that changes data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyWorkJourneyIT {

  private static final Pattern ID = Pattern.compile("[?&]id=(\\d+)");
  private static final Pattern POINTS = Pattern.compile("([\\d.,]+) of ([\\d.,]+) points");

  private static String firm;
  private static String client;
  private static String otherClient;
  private static String consultant;
  private static String admin;
  private static String contributor;
  private static String assessor;
  private static String reader;

  private static long assessment;
  private static long action;
  private static int actionPoints;
  private static double achievedBefore;

  @BeforeAll
  static void firmAndPeople() {
    firm = Platform.firm("dwf");
    client = Platform.tenant("dwa", firm);
    otherClient = Platform.tenant("dwb", firm);
    consultant =
        KeycloakClient.createUser(
            "consultant",
            "/firms/" + firm + "/consultant",
            "/tenants/" + client + "/admin",
            "/tenants/" + otherClient + "/reader");
    admin = KeycloakClient.createMember(client, "admin");
    contributor = KeycloakClient.createMember(client, "contributor");
    assessor = KeycloakClient.createMember(client, "assessor");
    reader = KeycloakClient.createMember(client, "reader");
  }

  @Test
  @Order(1)
  void aConsultantGoesFromThePortfolioToAClientsDashboardAndSwitchesTenant() {
    Ui ui = Ui.signIn(consultant, "/app/index.xhtml");
    assertThat(ui.url())
        .as("a consultant starts on the portfolio")
        .contains("/app/portfolio.xhtml");
    assertThat(ui.texts(".client-link")).hasSize(2);

    ui.clickToLoad(".client-link[data-tenant='" + client + "']");
    assertThat(ui.url()).contains("/app/dashboard.xhtml").contains("tenant=" + client);
    assertThat(ui.text("#overall-percent")).isNotBlank();

    ui.click("#tenant-switcher summary");
    ui.clickToLoad(".tenant-choice[data-tenant='" + otherClient + "']");
    assertThat(ui.url()).contains("/app/dashboard.xhtml").contains("tenant=" + otherClient);
    assertThat(ui.text("#current-tenant")).isNotBlank().isNotEqualTo(client);
    assertThat(ui.consoleErrors()).isEmpty();
  }

  @Test
  @Order(2)
  void theAdminBuildsAnAssessmentFromATemplateAndAssignsItsActionsInBulk() {
    Ui ui = Ui.signIn(admin, "/app/assessments.xhtml?tenant=" + client);
    ui.clickToLoad("#new-assessment");
    new Select(ui.driver().findElement(By.id("template-key"))).selectByValue("hipaa-security");
    ui.waitUntilReady();
    ui.click("#wizard_next");
    ui.type("#assessment-name", "HIPAA for the clinic").type("#scope-name", "Patient portal");
    ui.click("input[name='group-mode'][value='new']");
    ui.type("#new-group-name", "FY2027");
    ui.click("#wizard_next");
    ui.clickToLoad("#create-assessment");
    Matcher id = ID.matcher(ui.url());
    assertThat(id.find()).as(ui.url()).isTrue();
    assessment = Long.parseLong(id.group(1));

    List<Map<String, Object>> actions = assessmentActions(adminToken());
    assertThat(actions).isNotEmpty();
    achievedBefore = dashboardAchieved(ui);

    ui.open("/app/actions.xhtml?tenant=" + client);
    choose(ui, "filters:assessment", Long.toString(assessment));
    ui.click("[id='list:open-bulk']");
    choose(ui, "list:scope", "FILTERED");
    choose(ui, "list:assignee", KeycloakClient.userId(contributor));
    ui.click("[id='list:assign']").click("#confirm-yes");
    assertThat(ui.text("[id='list:assign-result']")).contains(Integer.toString(actions.size()));

    assertThat(assessmentActions(adminToken()))
        .allSatisfy(a -> assertThat(a.get("assigneeName")).isEqualTo(contributor));
  }

  @Test
  @Order(3)
  void theContributorFindsTheActionUnderMyActionsImplementsItAndUploadsEvidence() throws Exception {
    Map<String, Object> chosen =
        assessmentActions(adminToken()).stream()
            .filter(a -> "CUSTOMER".equals(a.get("managedBy")))
            .filter(a -> "MANUAL".equals(a.get("testingSource")))
            .findFirst()
            .orElseThrow();
    action = ((Number) chosen.get("id")).longValue();
    actionPoints = ((Number) chosen.get("points")).intValue();

    Ui ui = Ui.signIn(contributor, "/app/actions.xhtml?tenant=" + client);
    ui.click("[id='filters:mine']");
    String link = "[id='list:actions'] a.action-link[href*='id=" + action + "']";
    if (!ui.present(link)) {
      // further down the list: the search finds it among my actions
      ui.type("[id='filters:q']", (String) chosen.get("title"));
      ui.click("[id='filters:search']");
    }
    ui.clickToLoad(link);
    assertThat(ui.url()).contains("/app/action.xhtml").contains("id=" + action);

    new Select(ui.driver().findElement(By.id("implementation-status")))
        .selectByValue("IMPLEMENTED");
    ui.type("#notes", "Done as the policy says");
    ui.click("#save");
    assertThat(ui.text("#status-implementation")).isEqualTo("Implemented");

    Path file = Files.createTempFile("risk-analysis", ".csv");
    Files.writeString(file, "asset,risk,owner\nportal,medium,it\n");
    ui.type("#evidence-title", "Risk analysis 2027");
    ui.driver().findElement(By.id("evidence-upload_input")).sendKeys(file.toString());
    ui.click(".ui-fileupload-upload");
    new WebDriverWait(ui.driver(), Ui.WAIT)
        .until(d -> ui.texts("#evidence-list .evidence-name").contains("Risk analysis 2027"));

    Map<String, Object> seen =
        Api.as(adminToken()).get(actionPath()).then().statusCode(200).extract().path("");
    assertThat(seen).containsEntry("implementationStatus", "IMPLEMENTED");
    assertThat(
            Api.as(adminToken())
                .get(actionPath() + "/evidence")
                .then()
                .extract()
                .jsonPath()
                .getList("title"))
        .containsExactly("Risk analysis 2027");
  }

  @Test
  @Order(4)
  void anAssessorPassesIt() {
    Ui ui = Ui.signIn(assessor, "/app/action.xhtml?tenant=" + client + "&id=" + action);
    new Select(ui.driver().findElement(By.id("test-status"))).selectByValue("PASSED");
    ui.click("#save");
    assertThat(ui.text("#status-test")).isEqualTo("Passed");
    assertThat(
            Api.as(adminToken())
                .get(actionPath())
                .then()
                .statusCode(200)
                .extract()
                .<String>path("testStatus"))
        .isEqualTo("PASSED");
  }

  @Test
  @Order(5)
  void theDashboardScoreGrewByExactlyTheActionsPoints() {
    Ui ui = Ui.signIn(admin, "/app/dashboard.xhtml?tenant=" + client);
    assertThat(dashboardAchieved(ui) - achievedBefore).isEqualTo((double) actionPoints);
  }

  @Test
  @Order(6)
  void aReaderSeesEverythingAndNoControlThatChangesData() {
    Ui ui = Ui.signIn(reader, "/app/dashboard.xhtml?tenant=" + client);
    assertThat(dashboardAchieved(ui)).isEqualTo(achievedBefore + actionPoints);

    ui.open("/app/actions.xhtml?tenant=" + client);
    assertThat(ui.texts("[id='list:actions'] a.action-link")).isNotEmpty();
    assertThat(ui.present("[id='list:open-bulk']")).isFalse();
    assertThat(ui.present("[id='upload:workbook_input']")).isFalse();

    ui.open("/app/action.xhtml?tenant=" + client + "&id=" + action);
    assertThat(ui.text("#status-test")).isEqualTo("Passed");
    assertThat(ui.texts("#evidence-list .evidence-name")).contains("Risk analysis 2027");
    assertThat(ui.present("#save")).isFalse();
    assertThat(ui.present("#evidence-upload_input")).isFalse();
    assertThat(ui.present(".evidence-delete")).isFalse();

    ui.open("/app/assessments.xhtml?tenant=" + client);
    assertThat(ui.texts("#assessments .assessment-link")).contains("HIPAA for the clinic");
    assertThat(ui.present("#new-assessment")).isFalse();

    ui.open("/app/assessment.xhtml?tenant=" + client + "&id=" + assessment);
    assertThat(ui.present("#access-denied")).isFalse();
    assertThat(ui.driver().findElements(By.cssSelector("main input[type=file]"))).isEmpty();

    assertThat(ui.consoleErrors()).isEmpty();

    ui.open("/app/users.xhtml?tenant=" + client);
    assertThat(ui.present("#access-denied")).as("users and roles are the admins'").isTrue();
  }

  private static String adminToken() {
    return KeycloakClient.token(admin);
  }

  private static String actionPath() {
    return "/tenants/" + client + "/actions/" + action;
  }

  private static List<Map<String, Object>> assessmentActions(String token) {
    return Api.as(token)
        .queryParam("assessment", assessment)
        .queryParam("includePassed", true)
        .queryParam("size", 500)
        .get("/tenants/" + client + "/actions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  /** The achieved points the dashboard page shows ("x of y points"). */
  private static double dashboardAchieved(Ui ui) {
    ui.open("/app/dashboard.xhtml?tenant=" + client);
    Matcher points = POINTS.matcher(ui.text("#overall-points"));
    assertThat(points.find()).as(ui.text("#overall-points")).isTrue();
    try {
      return NumberFormat.getNumberInstance(Locale.ENGLISH).parse(points.group(1)).doubleValue();
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  private static void choose(Ui ui, String id, String value) {
    new Select(ui.driver().findElement(By.id(id))).selectByValue(value);
    ui.waitUntilReady();
  }
}
