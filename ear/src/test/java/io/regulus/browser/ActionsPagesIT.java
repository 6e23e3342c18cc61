package io.regulus.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.action.Priority;
import io.regulus.action.workbook.ActionSheet;
import io.regulus.it.ActionWorkbooks;
import io.regulus.it.Api;
import io.regulus.it.KeycloakClient;
import io.regulus.it.Platform;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The improvement actions page in Chromium, against the real stack: an admin bulk-assigns the
 * actions of one assessment to a contributor (the API then shows them assigned) and reassigns them
 * all to another; the contributor finds them under "my actions"; a workbook with a bad cell shows
 * the cell table and changes nothing, a good one is previewed and then applied; a reader sees no
 * control that changes data; tenant A's admin reaches none of tenant B's actions, by URL, by an
 * edited bulk-assign post or by an edited export.
 */
class ActionsPagesIT {

  private static String tenant;
  private static String admin;
  private static String adminToken;
  private static String contributor;
  private static String reader;
  private static long alpha;
  private static String other;
  private static String otherToken;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("acts", null);
    admin = KeycloakClient.createMember(tenant, "admin");
    adminToken = KeycloakClient.token(admin);
    contributor = KeycloakClient.createMember(tenant, "contributor");
    reader = KeycloakClient.createMember(tenant, "reader");
    long group = Platform.createGroup(adminToken, tenant, "FY2027");
    template(adminToken, tenant, "alpha", "Alpha rules", "Alpha action", 8);
    template(adminToken, tenant, "beta", "Beta rules", "Beta action", 4);
    alpha = Platform.createAssessment(adminToken, tenant, group, "Alpha", "alpha");
    Platform.createAssessment(adminToken, tenant, group, "Beta", "beta");

    other = Platform.tenant("acts-b", null);
    otherToken = KeycloakClient.token(KeycloakClient.createMember(other, "admin"));
    long otherGroup = Platform.createGroup(otherToken, other, "FY2027");
    template(otherToken, other, "bravo", "Bravo rules", "Bravo secret action", 3);
    Platform.createAssessment(otherToken, other, otherGroup, "Bravo", "bravo");
  }

  @Test
  void anAdminBulkAssignsAnAssessmentsActionsAndTheContributorFindsThemAsHisOwn() {
    Ui ui = Ui.signIn(admin, "/app/actions.xhtml?tenant=" + tenant);
    assertThat(ui.texts("[id='list:actions'] a.action-link")).hasSizeGreaterThan(8);

    choose(ui, "filters:assessment", Long.toString(alpha));
    assertThat(ui.texts("[id='list:actions'] a.action-link"))
        .hasSize(8)
        .allSatisfy(title -> assertThat(title).startsWith("Alpha action"));
    assertThat(ui.text("#listed-count")).contains("8");

    ui.click("[id='list:open-bulk']");
    choose(ui, "list:scope", "FILTERED");
    choose(ui, "list:assignee", KeycloakClient.userId(contributor));
    ui.click("[id='list:assign']").click("#confirm-yes");
    assertThat(ui.text("[id='list:assign-result']")).contains("8");
    ui.accessibility("actions").screenshots("actions");
    assertThat(ui.consoleErrors()).as("scripts failing or blocked").isEmpty();

    List<Map<String, Object>> actions = Platform.actions(adminToken, tenant);
    assertThat(actions)
        .filteredOn(a -> String.valueOf(a.get("title")).startsWith("Alpha action"))
        .hasSize(8)
        .allSatisfy(a -> assertThat(a.get("assigneeName")).isEqualTo(contributor));
    assertThat(actions)
        .filteredOn(a -> String.valueOf(a.get("title")).startsWith("Beta action"))
        .noneMatch(a -> contributor.equals(a.get("assigneeName")));

    Ui mine = Ui.signIn(contributor, "/app/actions.xhtml?tenant=" + tenant);
    assertThat(mine.texts("[id='list:actions'] a.action-link")).hasSizeGreaterThan(8);
    mine.click("[id='filters:mine']");
    assertThat(mine.texts("[id='list:actions'] a.action-link"))
        .hasSize(8)
        .allSatisfy(title -> assertThat(title).startsWith("Alpha action"));
    mine.open("/app/actions.xhtml?tenant=" + tenant + "&mine=true");
    assertThat(mine.texts("[id='list:actions'] a.action-link")).hasSize(8);
    assertThat(mine.driver().findElement(By.id("filters:mine")).isSelected()).isTrue();
    assertThat(mine.present("[id='list:open-bulk']")).as("a contributor assigns nothing").isFalse();
    assertThat(mine.present("[id='upload:workbook_input']"))
        .as("a contributor updates in bulk")
        .isTrue();
  }

  @Test
  void anAdminReassignsEverythingOfOneMemberToAnother() {
    String from = KeycloakClient.createMember(tenant, "contributor");
    String to = KeycloakClient.createMember(tenant, "contributor");
    List<Long> betas = ids(beta());
    Api.as(adminToken)
        .body(Map.of("actionIds", betas, "userId", KeycloakClient.userId(from)))
        .post("/tenants/" + tenant + "/actions/assign")
        .then()
        .statusCode(200);

    Ui ui = Ui.signIn(admin, "/app/actions.xhtml?tenant=" + tenant);
    ui.click("[id='list:open-bulk']");
    choose(ui, "reassign:from", KeycloakClient.userId(from));
    choose(ui, "reassign:to", KeycloakClient.userId(to));
    ui.click("[id='reassign:reassign']").click("#confirm-yes");

    assertThat(ui.text("[id='reassign:reassign-result']")).contains("4");
    assertThat(Platform.actions(adminToken, tenant))
        .filteredOn(a -> betas.contains(((Number) a.get("id")).longValue()))
        .hasSize(4)
        .allSatisfy(a -> assertThat(a.get("assigneeName")).isEqualTo(to));
  }

  @Test
  void aWorkbookWithABadCellShowsItAndChangesNothingAGoodOneIsPreviewedThenApplied()
      throws IOException {
    ActionSheet.Parsed exported = export();
    List<Long> betas = ids(beta());
    List<ActionSheet.Edit> betaRows =
        exported.edits().stream().filter(e -> betas.contains(e.actionId())).toList();
    long first = betaRows.get(0).actionId();
    long second = betaRows.get(1).actionId();
    Path bad =
        workbook(
            exported,
            edit ->
                edit.actionId() == first
                    ? row(edit, "nobody-at-all@it.example", "bad upload")
                    : row(edit, edit.assignee(), edit.notes()));

    Ui ui = Ui.signIn(admin, "/app/actions.xhtml?tenant=" + tenant);
    upload(ui, bad);
    assertThat(ui.texts("[id='upload:cell-errors'] tbody tr")).hasSize(1);
    assertThat(ui.texts("[id='upload:cell-errors'] tbody td"))
        .containsSubsequence(
            "Actions",
            Integer.toString(betaRows.get(0).rowNumber()),
            "Assignee",
            "nobody-at-all@it.example");
    assertThat(ui.present("[id='upload:apply']")).as("a faulty workbook is not applied").isFalse();
    ui.accessibility("actions-upload-errors");
    assertThat(Platform.actions(adminToken, tenant))
        .noneMatch(a -> "bad upload".equals(a.get("notes")));

    Path good =
        workbook(
            exported,
            edit ->
                edit.actionId() == first || edit.actionId() == second
                    ? implemented(edit)
                    : row(edit, edit.assignee(), edit.notes()));
    upload(ui, good);
    assertThat(ui.text("#preview-changed")).isEqualTo("2");
    assertThat(ui.text("#score-before")).isEqualTo("0.0%");
    assertThat(ui.text("#score-after")).isNotEqualTo("0.0%");
    assertThat(ui.present("[id='upload:cell-errors']")).isFalse();
    assertThat(ui.texts("[id='upload:changes'] tbody tr td:first-child"))
        .containsExactly(
            Integer.toString(betaRows.get(0).rowNumber()),
            Integer.toString(betaRows.get(1).rowNumber()));
    assertThat(ui.texts("[id='upload:changes'] tbody tr"))
        .allSatisfy(
            change ->
                assertThat(change)
                    .contains("Beta action", "Implementation status", "Not implemented")
                    .contains("Test status", "Passed", "Notes", "applied in bulk"));
    assertThat(Platform.actions(adminToken, tenant))
        .as("a preview changes nothing")
        .noneMatch(a -> "applied in bulk".equals(a.get("notes")));
    ui.screenshots("actions-upload-preview");

    ui.click("[id='upload:apply']").click("#confirm-yes");
    assertThat(ui.text("[id='upload:upload-applied']")).contains("2");
    assertThat(Platform.actions(adminToken, tenant))
        .filteredOn(a -> "applied in bulk".equals(a.get("notes")))
        .extracting(a -> ((Number) a.get("id")).longValue())
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void theExportDownloadsTheFilteredWorkbook() throws IOException {
    Ui ui = Ui.signIn(reader, "/app/actions.xhtml?tenant=" + tenant);
    choose(ui, "filters:assessment", Long.toString(alpha));

    Map<String, Object> download = post(ui, "filters", "filters:export");

    assertThat(download.get("type")).isEqualTo(ActionWorkbooks.XLSX);
    ActionSheet.Parsed sheet =
        ActionSheet.read(
            new ByteArrayInputStream(Base64.getDecoder().decode((String) download.get("body"))));
    assertThat(sheet.errors()).isEmpty();
    assertThat(sheet.edits()).hasSize(8);
  }

  @Test
  void aReaderSeesTheListAndNoControlThatChangesData() {
    Ui ui = Ui.signIn(reader, "/app/actions.xhtml?tenant=" + tenant);

    assertThat(ui.texts("[id='list:actions'] a.action-link")).isNotEmpty();
    assertThat(ui.present("[id='filters:export']")).as("reading includes the export").isTrue();
    assertThat(ui.present("[id='list:open-bulk']")).isFalse();
    assertThat(ui.present("[id='list:assign']")).isFalse();
    assertThat(ui.present("#bulk-assign")).isFalse();
    assertThat(ui.present("[id='reassign:reassign']")).isFalse();
    assertThat(ui.present("[id='upload:workbook_input']")).isFalse();
    assertThat(ui.present("[id='list:actions'] .ui-selection-column")).isFalse();
    ui.accessibility("actions-reader").screenshots("actions-reader");
    assertThat(ui.consoleErrors()).as("scripts failing or blocked").isEmpty();
  }

  @Test
  void anotherTenantInTheUrlIsAccessDeniedAndShowsNoneOfItsActions() {
    Ui ui = Ui.signIn(admin, "/app/actions.xhtml?tenant=" + other);

    assertThat(ui.present("#access-denied")).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain("Bravo secret action");
    assertThat(ui.present("[id='list:actions']")).isFalse();
  }

  @Test
  void aBulkAssignPostEditedToAnotherTenantIsRefusedAndChangesNothingThere() {
    Ui ui = Ui.signIn(admin, "/app/actions.xhtml?tenant=" + tenant);
    List<Long> otherIds = ids(Platform.actions(otherToken, other));
    ui.click("[id='list:open-bulk']");
    ui.driver().findElement(By.cssSelector("[id='list:actions_data'] .ui-chkbox-box")).click();
    choose(ui, "list:assignee", KeycloakClient.userId(contributor));
    edit(ui, "list:tenant", other);
    edit(ui, "list:actions_selection", otherIds.get(0).toString());

    ui.click("[id='list:assign']").click("#confirm-yes");

    assertThat(ui.text("#problem-detail")).isNotBlank();
    assertThat(ui.present("#access-denied")).as("refused: " + ui.url()).isTrue();
    assertThat(ui.driver().getPageSource()).doesNotContain("Bravo secret action");
    assertThat(Platform.actions(otherToken, other))
        .allSatisfy(a -> assertThat(a.get("assigneeName")).isNull());
  }

  @Test
  void anExportEditedToAnotherTenantIsRefused() {
    Ui ui = Ui.signIn(admin, "/app/actions.xhtml?tenant=" + tenant);
    edit(ui, "filters:tenant", other);

    Map<String, Object> download = post(ui, "filters", "filters:export");

    assertThat(download.get("status")).isEqualTo(403L);
    assertThat(download.get("type")).asString().doesNotContain("spreadsheet");
    String page = new String(Base64.getDecoder().decode((String) download.get("body")));
    assertThat(page).contains("access-denied").doesNotContain("Bravo secret action");
  }

  /** Picks the option of value {@code value} in the select of client id {@code id}. */
  private static void choose(Ui ui, String id, String value) {
    new Select(ui.driver().findElement(By.id(id))).selectByValue(value);
    ui.waitUntilReady();
  }

  /** Sets a (hidden) input's value as a crafted request would. */
  private static void edit(Ui ui, String id, String value) {
    ui.driver()
        .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
  }

  /**
   * Submits form {@code form} as its button {@code button} does, from inside the page (its session
   * and view state), and answers the response's status, content type and body (base64): a download
   * is read, not saved.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> post(Ui ui, String form, String button) {
    return (Map<String, Object>)
        ui.driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " const form = document.getElementById(arguments[0]);"
                    + " const data = new URLSearchParams(new FormData(form));"
                    + " data.append(arguments[1], '');"
                    + " fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})"
                    + "  .then(r => r.arrayBuffer().then(b => {"
                    + "    let s = ''; const bytes = new Uint8Array(b);"
                    + "    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);"
                    + "    done({status: r.status, type: (r.headers.get('content-type') || '')"
                    + "      .split(';')[0], body: btoa(s)}); }))"
                    + "  .catch(e => done({status: -1, type: '', body: btoa(String(e))}));",
                form,
                button);
  }

  private static void upload(Ui ui, Path workbook) {
    if (ui.present("[id='upload:discard']")) {
      ui.click("[id='upload:discard']");
    }
    ui.driver()
        .findElement(By.id("upload:workbook_input"))
        .sendKeys(workbook.toAbsolutePath().toString());
    ui.text("[id='upload:upload-preview']");
    ui.waitUntilReady();
  }

  /** Tenant A's actions of assessment Beta, as the API lists them. */
  private static List<Map<String, Object>> beta() {
    return Platform.actions(adminToken, tenant).stream()
        .filter(a -> String.valueOf(a.get("title")).startsWith("Beta action"))
        .toList();
  }

  private static List<Long> ids(List<Map<String, Object>> actions) {
    return actions.stream().map(a -> ((Number) a.get("id")).longValue()).toList();
  }

  private static ActionSheet.Parsed export() throws IOException {
    return ActionWorkbooks.export(adminToken, tenant);
  }

  private static Path workbook(
      ActionSheet.Parsed exported, Function<ActionSheet.Edit, ActionSheet.Row> edit)
      throws IOException {
    Path file = Files.createTempFile("actions-", ".xlsx");
    Files.write(file, ActionWorkbooks.write(exported, edit));
    file.toFile().deleteOnExit();
    return file;
  }

  /** The row as exported but for its assignee and notes. */
  private static ActionSheet.Row row(ActionSheet.Edit edit, String assignee, String notes) {
    return new ActionSheet.Row(
        edit.actionId(),
        edit.version(),
        null,
        null,
        null,
        ActionType.TECHNICAL,
        0,
        assignee,
        edit.tester(),
        edit.implementationStatus(),
        edit.implementationDate(),
        edit.testStatus(),
        edit.passedFraction(),
        edit.dueDate(),
        edit.priority(),
        notes);
  }

  /** The row implemented and passed, with a note saying so. */
  private static ActionSheet.Row implemented(ActionSheet.Edit edit) {
    return new ActionSheet.Row(
        edit.actionId(),
        edit.version(),
        null,
        null,
        null,
        ActionType.TECHNICAL,
        0,
        edit.assignee(),
        edit.tester(),
        ImplementationStatus.IMPLEMENTED,
        null,
        TestStatus.PASSED,
        null,
        edit.dueDate(),
        edit.priority() == null ? Priority.MEDIUM : edit.priority(),
        "applied in bulk");
  }

  /** A private template of {@code count} technical actions, each its own control. */
  private static void template(
      String token, String slug, String key, String regulation, String title, int count) {
    List<Map<String, Object>> actions = new ArrayList<>();
    List<Map<String, Object>> controls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      actions.add(
          Map.of(
              "key",
              "tenant:" + key + "-" + i,
              "title",
              title + " " + i,
              "description",
              "Action " + i,
              "type",
              "TECHNICAL",
              "points",
              i + 1,
              "category",
              i % 2 == 0 ? "Control access" : "Manage compliance"));
      controls.add(
          Map.of(
              "id",
              key.toUpperCase() + "-" + i,
              "family",
              "Family",
              "title",
              "Control " + i,
              "description",
              "Control " + i,
              "mandatory",
              true,
              "nature",
              "preventative",
              "actions",
              List.of("tenant:" + key + "-" + i)));
    }
    Api.as(token)
        .body(
            Map.of(
                "key",
                key,
                "title",
                regulation,
                "regulation",
                regulation,
                "actions",
                actions,
                "controls",
                controls))
        .post("/tenants/" + slug + "/templates")
        .then()
        .statusCode(201);
  }
}
