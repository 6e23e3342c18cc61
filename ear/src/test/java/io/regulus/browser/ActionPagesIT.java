package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The action detail page (/app/action.xhtml) in Chromium against the real stack, in tenants of its
 * own: a contributor implements an action and uploads evidence, and the API shows both; an assessor
 * passes an implemented action; a change made through the API after the page loaded is shown as
 * "changed by someone else" with the other values while the typed ones stay; a contributor's
 * crafted test result meets the API's refusal (403 and the workflow's sentence); a reader sees no
 * control that changes data and still downloads evidence; another tenant's action in the URL, in a
 * form post and in a download post gets the access-denied page and none of its data.
 */
class ActionPagesIT {

  private static final String PAGE = "/app/action.xhtml?tenant=%s&id=%s";

  private static String tenant;
  private static String admin;
  private static String contributor;
  private static String assessor;
  private static String reader;
  private static final Deque<Long> freshActions = new ArrayDeque<>();

  private static String otherTenant;
  private static long otherAction;
  private static String otherSecret;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("detail", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    contributor = KeycloakClient.createMember(tenant, "contributor");
    assessor = KeycloakClient.createMember(tenant, "assessor");
    reader = KeycloakClient.createMember(tenant, "reader");
    long group = Platform.createGroup(admin, tenant, "FY2027");
    Platform.createAssessment(admin, tenant, group, "GDPR portal", "gdpr");
    manualActions(admin, tenant).forEach(freshActions::add);

    otherTenant = Platform.tenant("detail-other", null);
    String otherAdmin = KeycloakClient.token(KeycloakClient.createMember(otherTenant, "admin"));
    long otherGroup = Platform.createGroup(otherAdmin, otherTenant, "FY2027");
    Platform.createAssessment(otherAdmin, otherTenant, otherGroup, "GDPR other", "gdpr");
    otherAction = manualActions(otherAdmin, otherTenant).get(0);
    otherSecret = Api.unique("other-tenant-secret");
    ok(Platform.change(otherAdmin, otherTenant, otherAction, Map.of("notes", otherSecret)));
    upload(otherAdmin, otherTenant, otherAction, "secret.csv", otherSecret + "\n")
        .then()
        .statusCode(201);
  }

  @Test
  void aContributorImplementsAnActionAndUploadsEvidenceWhichTheApiThenShows() throws IOException {
    long action = freshAction();
    Ui ui = Ui.signIn(contributor, page(tenant, action));
    assertThat(ui.present("#test-status")).isTrue();
    assertThat(displayed(ui, "#test-status"))
        .as("the test result is not the contributor's")
        .isFalse();
    assertThat(displayed(ui, "#implementation-status")).isTrue();

    select(ui, "#implementation-status", "IMPLEMENTED");
    ui.type("#notes", "MFA enforced for every admin");
    ui.click("#save");
    assertThat(ui.text("#status-implementation")).isEqualTo("Implemented");
    assertThat(ui.text("#status-notes")).isEqualTo("MFA enforced for every admin");

    Path file = Files.createTempFile("access-review", ".csv");
    Files.writeString(file, "user,role,reviewed\nana,admin,2027-01-10\n");
    ui.type("#evidence-title", "Access review Q1");
    ui.driver().findElement(By.id("evidence-upload_input")).sendKeys(file.toString());
    ui.click(".ui-fileupload-upload");
    waitForText(ui, "#evidence-list .evidence-name", "Access review Q1");

    Map<String, Object> seen = api(contributorToken()).get(action(tenant, action)).path("");
    assertThat(seen).containsEntry("implementationStatus", "IMPLEMENTED");
    assertThat(seen).containsEntry("notes", "MFA enforced for every admin");
    List<Map<String, Object>> evidence =
        api(contributorToken()).get(action(tenant, action) + "/evidence").path("");
    assertThat(evidence).hasSize(1);
    assertThat(evidence.get(0))
        .containsEntry("title", "Access review Q1")
        .containsEntry("fileName", file.getFileName().toString());
    assertThat((String) evidence.get(0).get("mediaType")).startsWith("text/csv");
    assertThat(ui.text("#evidence-notice")).contains(file.getFileName().toString());
    assertThat(ui.texts("#history tbody tr")).anyMatch(row -> row.contains("Implemented"));

    ui.accessibility("action").screenshots("action");
    assertThat(consoleErrors(ui)).isEmpty();
  }

  @Test
  void evidenceIsRefusedInPlainWordsLinkedAndDeletedUntilTheTestPassesThenItStays()
      throws IOException {
    long action = freshAction();
    Ui ui = Ui.signIn(contributor, page(tenant, action));
    assertThat(ui.text("#evidence-limits")).contains("1 MB").contains("PDF document");

    Path disguised = Files.createTempDirectory("evidence").resolve("policy.pdf");
    Files.writeString(disguised, "not a PDF at all\n");
    ui.driver().findElement(By.id("evidence-upload_input")).sendKeys(disguised.toString());
    ui.click(".ui-fileupload-upload");
    waitForText(ui, "#messages", "judged from its content");
    assertThat(ui.text("#messages")).doesNotContain("Exception");
    assertThat(api(admin).get(action(tenant, action) + "/evidence").<List<?>>path("")).isEmpty();

    ui.type("#link-url", "https://intranet.example.com/policies/mfa");
    ui.click("#add-link");
    assertThat(ui.texts("#evidence-list .evidence-name"))
        .containsExactly("https://intranet.example.com/policies/mfa");
    ui.click(".evidence-delete");
    ui.click(".ui-confirmdialog-yes");
    assertThat(ui.text("#evidence-notice")).isEqualTo("Evidence deleted.");
    assertThat(api(admin).get(action(tenant, action) + "/evidence").<List<?>>path("")).isEmpty();

    upload(admin, tenant, action, "kept.csv", "kept,evidence\n").then().statusCode(201);
    ok(
        Platform.change(
            contributorToken(), tenant, action, Map.of("implementationStatus", "IMPLEMENTED")));
    ok(
        Platform.change(
            KeycloakClient.token(assessor), tenant, action, Map.of("testStatus", "PASSED")));
    ui.open(page(tenant, action));
    assertThat(ui.texts("#evidence-list .evidence-name")).containsExactly("kept.csv");
    assertThat(ui.present(".evidence-delete")).isFalse();
    assertThat(ui.text("#evidence-locked")).contains("Evidence stays");
  }

  @Test
  void anAssessorPassesAnImplementedAction() {
    long action = freshAction();
    ok(
        Platform.change(
            contributorToken(), tenant, action, Map.of("implementationStatus", "IMPLEMENTED")));
    Ui ui = Ui.signIn(assessor, page(tenant, action));
    assertThat(displayed(ui, "#implementation-status")).isFalse();
    assertThat(displayed(ui, "#test-status")).isTrue();

    select(ui, "#test-status", "PASSED");
    ui.click("#save");

    assertThat(ui.text("#status-test")).isEqualTo("Passed");
    assertThat(ui.text("#work-notice")).isEqualTo("Saved.");
    assertThat(api(admin).get(action(tenant, action)).<String>path("testStatus"))
        .isEqualTo("PASSED");
    ui.accessibility("action-assessor").screenshots("action-assessor");
    assertThat(consoleErrors(ui)).isEmpty();
  }

  @Test
  void aChangeMadeElsewhereAfterThePageLoadedIsShownWithTheirValuesAndTheTypedOnesStay() {
    long action = freshAction();
    Ui ui = Ui.signIn(contributor, page(tenant, action));
    select(ui, "#implementation-status", "IMPLEMENTED");
    ui.type("#notes", "my notes");

    ok(
        Platform.change(
            admin,
            tenant,
            action,
            Map.of("implementationStatus", "PLANNED", "notes", "their notes")));
    ui.click("#save");

    assertThat(ui.present("#conflict")).isTrue();
    assertThat(ui.text("#conflict-heading")).isEqualTo("Changed by someone else");
    assertThat(ui.text("#conflict")).contains("Not saved");
    assertThat(ui.text("#conflict-implementation")).isEqualTo("Planned");
    assertThat(ui.text("#conflict-notes")).isEqualTo("their notes");
    assertThat(value(ui, "#notes")).isEqualTo("my notes");
    assertThat(value(ui, "#implementation-status")).isEqualTo("IMPLEMENTED");
    Map<String, Object> stored = api(admin).get(action(tenant, action)).path("");
    assertThat(stored).containsEntry("notes", "their notes");
    assertThat(stored).containsEntry("implementationStatus", "PLANNED");
    ui.accessibility("action-conflict").screenshots("action-conflict");

    ui.click("#conflict-reload");
    assertThat(ui.present("#conflict")).isFalse();
    assertThat(value(ui, "#notes")).isEqualTo("their notes");
    assertThat(value(ui, "#implementation-status")).isEqualTo("PLANNED");
  }

  @Test
  void aContributorPostingATestResultThroughACraftedRequestGetsTheApisRefusal() {
    long action = freshAction();
    ok(
        Platform.change(
            contributorToken(), tenant, action, Map.of("implementationStatus", "IMPLEMENTED")));
    Response api =
        Platform.change(contributorToken(), tenant, action, Map.of("testStatus", "PASSED"));
    assertThat(api.statusCode()).isEqualTo(403);
    String sentence = api.path("detail");
    assertThat(sentence).contains("assessor or admin");

    Ui ui = Ui.signIn(contributor, page(tenant, action));
    assertThat(displayed(ui, "#test-status")).isFalse();

    // the hidden test field shown and filled in, and the form saved
    ui.driver()
        .executeScript(
            "document.getElementById('test-fields').style.display = 'block';"
                + " document.getElementById('test-status').value = 'PASSED';");
    ui.clickToLoad("#save");
    assertThat(ui.present("#access-denied")).as(ui.driver().getPageSource()).isTrue();
    assertThat(ui.text("#problem-detail")).isEqualTo(sentence);

    // the assessor's field posted without the page's help: the status as well as the sentence
    ui.open(page(tenant, action));
    Map<String, Object> crafted =
        post(ui, "workflow-form", Map.of("test-status", "PASSED", "save", "save"));
    assertThat(crafted.get("status")).as(crafted.toString()).isEqualTo(403L);
    assertThat((String) crafted.get("body")).contains("access-denied").contains(sentence);
    assertThat(api(admin).get(action(tenant, action)).<String>path("testStatus")).isEqualTo("NONE");
  }

  @Test
  void aReaderSeesNoControlThatChangesDataAndDownloadsEvidence() {
    long action = freshAction();
    String content = "policy,owner\nmfa,security\n";
    upload(admin, tenant, action, "mfa-policy.csv", content).then().statusCode(201);
    Ui ui = Ui.signIn(reader, page(tenant, action));

    assertThat(ui.text("#action-key")).isNotBlank();
    assertThat(ui.texts("#evidence-list .evidence-name")).containsExactly("mfa-policy.csv");
    assertThat(ui.present("#workflow-form")).isFalse();
    assertThat(ui.present("#save")).isFalse();
    assertThat(ui.present("#evidence-upload")).isFalse();
    assertThat(ui.present("#add-link")).isFalse();
    assertThat(ui.present(".evidence-delete")).isFalse();
    assertThat(
            ui.driver()
                .findElements(
                    By.cssSelector(
                        "main input:not([type=hidden]), main select,"
                            + " main textarea, main button")))
        .as("inputs and buttons on a reader's page")
        .isEmpty();

    Map<String, Object> download =
        post(ui, "evidence-form", Map.of("evidence-list:0:download", "evidence-list:0:download"));
    assertThat(download.get("status")).isEqualTo(200L);
    assertThat(download.get("body")).isEqualTo(content);
    ui.accessibility("action-reader").screenshots("action-reader");
    assertThat(consoleErrors(ui)).isEmpty();
  }

  @Test
  void anotherTenantsActionInTheUrlGetsTheAccessDeniedPageAndNoneOfItsData() {
    Ui ui = Ui.signIn(contributor, page(otherTenant, otherAction));

    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain(otherSecret);
    assertThat(ui.present("#action-key")).isFalse();
  }

  @Test
  void anotherTenantsActionThroughAnEditedFormPostOrDownloadIsRefusedWithNoneOfItsBytes() {
    long action = freshAction();
    upload(admin, tenant, action, "own.csv", "own,file\n").then().statusCode(201);
    Ui ui = Ui.signIn(contributor, page(tenant, action));
    Map<String, String> elsewhere =
        Map.of("tenant", otherTenant, "id", String.valueOf(otherAction));

    Map<String, Object> download =
        post(
            ui,
            "evidence-form",
            with(elsewhere, "evidence-list:0:download", "evidence-list:0:download"));
    assertThat(download.get("status")).as(download.toString()).isEqualTo(403L);
    assertThat((String) download.get("body")).contains("access-denied").doesNotContain(otherSecret);

    ui.open(page(tenant, action));
    Map<String, Object> save =
        post(ui, "workflow-form", with(elsewhere, "notes", "written elsewhere", "save", "save"));
    assertThat(save.get("status")).as(save.toString()).isEqualTo(403L);
    assertThat((String) save.get("body")).contains("access-denied").doesNotContain(otherSecret);
    assertThat(api(admin).get(action(tenant, action)).<String>path("notes")).isNull();
  }

  /**
   * Posts a form of the page as the browser would, with some values replaced or added (a crafted
   * request, with the page's own session and view state): the status and the body's text.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> post(Ui ui, String formId, Map<String, String> values) {
    return (Map<String, Object>)
        ui.driver()
            .executeAsyncScript(
                "const [formId, values, done] = arguments;"
                    + " const form = document.getElementById(formId);"
                    + " const data = new FormData(form);"
                    + " for (const [name, value] of Object.entries(values)) data.set(name, value);"
                    + " fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})"
                    + "   .then(r => r.text().then(body => done({status: r.status, body: body})))"
                    + "   .catch(e => done({status: -1, body: String(e)}));",
                formId,
                values);
  }

  private static Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> all = new java.util.HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      all.put(pairs[i], pairs[i + 1]);
    }
    return all;
  }

  /**
   * The console's errors but the browser's own request for /favicon.ico, which the UI's frame does
   * not serve (yet).
   */
  private static List<String> consoleErrors(Ui ui) {
    return ui.consoleErrors().stream().filter(error -> !error.contains("/favicon.ico")).toList();
  }

  private static boolean displayed(Ui ui, String css) {
    return ui.driver().findElement(By.cssSelector(css)).isDisplayed();
  }

  private static String value(Ui ui, String css) {
    return ui.driver().findElement(By.cssSelector(css)).getDomProperty("value");
  }

  private static void select(Ui ui, String css, String value) {
    new Select(ui.driver().findElement(By.cssSelector(css))).selectByValue(value);
  }

  private static void waitForText(Ui ui, String css, String text) {
    new org.openqa.selenium.support.ui.WebDriverWait(ui.driver(), Ui.WAIT)
        .until(
            driver ->
                driver.findElements(By.cssSelector(css)).stream()
                    .map(WebElement::getText)
                    .anyMatch(found -> found.contains(text)));
  }

  private static synchronized long freshAction() {
    return freshActions.pop();
  }

  private static String contributorToken() {
    return KeycloakClient.token(contributor);
  }

  private static String page(String tenant, long action) {
    return PAGE.formatted(tenant, action);
  }

  private static String action(String tenant, long action) {
    return "/tenants/" + tenant + "/actions/" + action;
  }

  private static io.restassured.specification.RequestSpecification api(String token) {
    return Api.as(token);
  }

  private static void ok(Response response) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
  }

  private static Response upload(
      String token, String tenant, long action, String fileName, String content) {
    return Api.as(token)
        .contentType("multipart/form-data")
        .multiPart("file", fileName, content.getBytes(StandardCharsets.UTF_8), "text/csv")
        .post(action(tenant, action) + "/evidence");
  }

  /** The tenant's manually tested customer actions of their own (no parent), as ids. */
  private static List<Long> manualActions(String token, String tenant) {
    return Platform.actions(token, tenant).stream()
        .filter(a -> "MANUAL".equals(a.get("testingSource")))
        .filter(a -> "CUSTOMER".equals(a.get("managedBy")))
        .filter(a -> a.get("parentActionId") == null)
        .map(a -> ((Number) a.get("id")).longValue())
        .toList();
  }
}
