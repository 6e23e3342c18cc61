package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The assessments pages in Chromium against the real stack: an admin builds an assessment from a
 * template through the wizard and the API then has it with its actions, linked from the page;
 * deleting asks first; a reader sees no control that changes data; a user of tenant A who edits the
 * URL or the delete form's hidden values to reach tenant B gets the access-denied page, sees none
 * of B's data and changes nothing.
 */
class AssessmentPagesIT {

  private static final Pattern ID = Pattern.compile("[?&]id=(\\d+)");

  /** The list's words for the API's assessment statuses. */
  private static final Map<String, String> STATUS =
      Map.of(
          "NONE", "Not started",
          "IN_PROGRESS", "In progress",
          "COMPLETE", "Complete",
          "INCOMPLETE", "Incomplete",
          "OUT_OF_SCOPE", "Out of scope");

  private static String tenant;
  private static String admin;
  private static String adminToken;
  private static String reader;
  private static long group;
  private static long seeded;
  private static String other;
  private static long othersAssessment;
  private static String othersName;
  private static String otherToken;

  @BeforeAll
  static void worlds() {
    tenant = Platform.tenant("asp", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    adminToken = KeycloakClient.token(admin);
    reader = KeycloakClient.createMember(tenant, "reader");
    group = Platform.createGroup(adminToken, tenant, "FY2027");
    seeded =
        Platform.createAssessment(adminToken, tenant, group, "HIPAA for Portal", "hipaa-security");

    other = Platform.tenant("asq", null);
    otherToken = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
    othersName = Api.unique("Secret of B");
    othersAssessment =
        Platform.createAssessment(
            otherToken,
            other,
            Platform.createGroup(otherToken, other, "B group"),
            othersName,
            "gdpr");
  }

  @Test
  void anAdminBuildsAnAssessmentFromATemplateInTheWizardAndTheApiHasItWithItsActions() {
    Ui ui = Ui.signIn(admin, "/app/assessments.xhtml?tenant=" + tenant);
    assertThat(ui.texts("#assessments .assessment-link")).contains("HIPAA for Portal");
    String status =
        Api.as(adminToken)
            .get("/tenants/" + tenant + "/assessments/" + seeded)
            .then()
            .extract()
            .path("assessment.status");
    assertThat(ui.texts("#assessments .assessment-status")).contains(STATUS.get(status));
    ui.accessibility("assessments").screenshots("assessments");

    ui.clickToLoad("#new-assessment");
    ui.click("#wizard_next");
    assertThat(errors(ui)).containsExactly("Choose the template to build the assessment from.");
    new Select(ui.driver().findElement(By.id("template-key"))).selectByValue("gdpr");
    ui.waitUntilReady();
    assertThat(options(ui, "template-version")).contains("2016-679.1");
    assertThat(errors(ui)).as("the fault is gone once a template is chosen").isEmpty();
    ui.accessibility("assessment-wizard").screenshots("assessment-wizard");
    ui.click("#wizard_next");

    // every missing field of the step is named at once
    ui.click("#wizard_next");
    assertThat(errors(ui))
        .containsExactlyInAnyOrder(
            "Give the assessment a name.",
            "Name the product, system or business unit the assessment covers.",
            "Choose the group the assessment goes in, or make a new one.");
    ui.screenshots("assessment-wizard-details");
    String groupName = Api.unique("EU subsidiaries");
    ui.type("#assessment-name", "GDPR for Shop").type("#scope-name", "Web shop");
    ui.click("input[name='group-mode'][value='new']");
    ui.type("#new-group-name", groupName);
    ui.click("#wizard_next");
    assertThat(ui.text("#confirm-name")).isEqualTo("GDPR for Shop");
    assertThat(ui.text("#confirm-group")).contains(groupName);
    ui.accessibility("assessment-wizard-confirm");

    ui.clickToLoad("#create-assessment");
    Matcher id = ID.matcher(ui.url());
    assertThat(ui.url()).contains("/app/assessment.xhtml");
    assertThat(id.find()).as(ui.url()).isTrue();
    long created = Long.parseLong(id.group(1));

    JsonPath detail =
        Api.as(adminToken)
            .get("/tenants/" + tenant + "/assessments/" + created)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(detail.getString("assessment.name")).isEqualTo("GDPR for Shop");
    assertThat(detail.getString("assessment.group")).isEqualTo(groupName);
    assertThat(detail.getString("assessment.template")).isEqualTo("gdpr");
    List<Long> apiActions =
        Platform.actions(adminToken, tenant, Map.of("assessment", created)).stream()
            .map(action -> ((Number) action.get("id")).longValue())
            .toList();
    assertThat(apiActions).isNotEmpty();

    assertThat(ui.text("#page-title")).isEqualTo("GDPR for Shop");
    assertThat(ui.text("#assessment-group")).isEqualTo(groupName);
    assertThat(ui.texts("#families .control-row")).hasSize(detail.getList("controls").size());
    Set<Long> linked =
        ui.driver().findElements(By.cssSelector("#families a.action-link")).stream()
            .map(link -> link.getAttribute("href"))
            .peek(href -> assertThat(href).contains("/app/action.xhtml?tenant=" + tenant + "&"))
            .map(href -> actionId(href))
            .collect(Collectors.toSet());
    assertThat(linked).isEqualTo(Set.copyOf(apiActions));
    List<String> sources =
        detail.getList("controls.source", String.class).stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    assertThat(sources).as("the newest GDPR version links every control").isNotEmpty();
    assertThat(
            ui.driver().findElements(By.cssSelector("#families a.official-text")).stream()
                .map(link -> link.getAttribute("href"))
                .toList())
        .as("each control's link to the official text, as the API gives it")
        .containsExactlyElementsOf(sources);
    int counted =
        ui.texts("#status-table .status-row td").stream().mapToInt(Integer::parseInt).sum();
    assertThat(counted).isEqualTo(detail.getList("controls").size());
    assertThat(ui.present("#status-chart canvas")).isTrue();
    assertThat(ui.consoleErrors())
        .as("script errors or blocked resources")
        .filteredOn(error -> !error.contains("favicon"))
        .isEmpty();
    ui.accessibility("assessment").screenshots("assessment");
  }

  @Test
  void deletingAsksFirstAndKeepingItChangesNothing() {
    long doomed =
        Platform.createAssessment(adminToken, tenant, group, Api.unique("Doomed"), "gdpr");
    Ui ui = Ui.signIn(admin, "/app/assessment.xhtml?tenant=" + tenant + "&id=" + doomed);

    ui.click("#delete-assessment");
    visible(ui, "#confirm-delete");
    ui.screenshots("assessment-delete-confirm");
    ui.click("#confirm-no");
    status(doomed, 200);

    ui.click("#delete-assessment");
    visible(ui, "#confirm-delete");
    ui.clickToLoad("#confirm-yes");
    assertThat(ui.url()).contains("/app/assessments.xhtml?tenant=" + tenant);
    status(doomed, 404);
    status(seeded, 200);
  }

  @Test
  void aReaderSeesTheAssessmentsAndNoControlThatChangesThem() {
    Ui ui = Ui.signIn(reader, "/app/assessments.xhtml?tenant=" + tenant);
    assertThat(ui.texts("#assessments .assessment-link")).contains("HIPAA for Portal");
    assertThat(ui.present("#new-assessment")).isFalse();
    assertThat(ui.present(".assessment-delete")).isFalse();

    ui.open("/app/assessment.xhtml?tenant=" + tenant + "&id=" + seeded);
    assertThat(ui.text("#page-title")).isEqualTo("HIPAA for Portal");
    assertThat(ui.present("#families .control-row")).isTrue();
    assertThat(ui.present("#delete-assessment")).isFalse();
    assertThat(ui.present("#delete-form")).isFalse();

    ui.open("/app/assessment-new.xhtml?tenant=" + tenant);
    assertThat(ui.present("#not-allowed")).isTrue();
    assertThat(ui.present("#wizard-form")).isFalse();
    assertThat(ui.present("#create-assessment")).isFalse();
  }

  @Test
  void tenantBsAssessmentInTheUrlGivesTheAccessDeniedPageAndNoneOfItsData() {
    Ui ui = Ui.signIn(admin, "/app/assessment.xhtml?tenant=" + other + "&id=" + othersAssessment);
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain(othersName);

    ui.open("/app/assessments.xhtml?tenant=" + other);
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain(othersName);

    ui.open("/app/assessment.xhtml?tenant=" + tenant + "&id=987654321");
    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.text("#page-title")).isEqualTo("Not found");
  }

  @Test
  void aCraftedDeletePostWithTenantBsIdsIsRefusedAndDeletesNothing() {
    long mine = Platform.createAssessment(adminToken, tenant, group, Api.unique("Mine"), "gdpr");
    Ui ui = Ui.signIn(admin, "/app/assessment.xhtml?tenant=" + tenant + "&id=" + mine);
    ui.driver()
        .executeScript(
            "document.getElementById('delete-tenant').value = arguments[0];"
                + "document.getElementById('delete-id').value = arguments[1];",
            other,
            Long.toString(othersAssessment));

    ui.click("#delete-assessment");
    visible(ui, "#confirm-delete");
    ui.clickToLoad("#confirm-yes");

    assertThat(ui.present("#access-denied")).as(ui.url()).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain(othersName);
    Api.as(otherToken)
        .get("/tenants/" + other + "/assessments/" + othersAssessment)
        .then()
        .statusCode(200);
    status(mine, 200);
  }

  private static void status(long assessment, int expected) {
    Api.as(adminToken)
        .get("/tenants/" + tenant + "/assessments/" + assessment)
        .then()
        .statusCode(expected);
  }

  private static List<String> errors(Ui ui) {
    return ui.texts(".ui-message-error .ui-message-error-detail");
  }

  private static List<String> options(Ui ui, String selectId) {
    return new Select(ui.driver().findElement(By.id(selectId)))
        .getOptions().stream().map(WebElement::getText).toList();
  }

  private static void visible(Ui ui, String css) {
    new WebDriverWait(ui.driver(), Ui.WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  private static long actionId(String href) {
    Matcher id = ID.matcher(href);
    assertThat(id.find()).as(href).isTrue();
    return Long.parseLong(id.group(1));
  }
}
