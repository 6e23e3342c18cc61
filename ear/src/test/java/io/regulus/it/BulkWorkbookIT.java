package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.action.Priority;
import io.regulus.action.workbook.ActionSheet;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, acceptance 4: the bulk-update workbook round trip on 400 actions (export, edit, preview
 * with the score effect, apply), and a workbook with 3 bad rows refused whole, naming the three,
 * changing nothing.
 */
class BulkWorkbookIT {

  private static final String XLSX = ActionWorkbooks.XLSX;
  private static final int ACTIONS = 400;

  private static String tenant;
  private static String schema;
  private static String admin;
  private static String contributorName;
  private static String contributor;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("bulk", null);
    schema = "tenant_" + tenant.replace('-', '_');
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    contributorName = KeycloakClient.createMember(tenant, "contributor");
    contributor = KeycloakClient.token(contributorName);
    long group = Platform.createGroup(admin, tenant, "FY2027");
    List<Map<String, Object>> actions = new ArrayList<>();
    List<Map<String, Object>> controls = new ArrayList<>();
    for (int i = 0; i < ACTIONS; i++) {
      actions.add(
          Map.of(
              "key",
              "tenant:bulk-" + i,
              "title",
              "Bulk action " + i,
              "description",
              "Action " + i,
              "type",
              "TECHNICAL",
              "points",
              i % 99 + 1,
              "category",
              i % 2 == 0 ? "Control access" : "Manage compliance"));
    }
    for (int c = 0; c < ACTIONS / 4; c++) {
      controls.add(
          Map.of(
              "id",
              "B-" + c,
              "family",
              "Bulk",
              "title",
              "Control " + c,
              "description",
              "Control " + c,
              "mandatory",
              true,
              "nature",
              "preventative",
              "actions",
              List.of(
                  "tenant:bulk-" + 4 * c,
                  "tenant:bulk-" + (4 * c + 1),
                  "tenant:bulk-" + (4 * c + 2),
                  "tenant:bulk-" + (4 * c + 3))));
    }
    Api.as(admin)
        .body(
            Map.of(
                "key",
                "bulk",
                "title",
                "Bulk",
                "regulation",
                "Bulk rules",
                "actions",
                actions,
                "controls",
                controls))
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(201);
    Platform.createAssessment(admin, tenant, group, "Bulk", "bulk");
  }

  @Test
  void fourHundredActionsMakeTheRoundTrip() throws IOException {
    ActionSheet.Parsed exported = export();
    assertThat(exported.errors()).isEmpty();
    assertThat(exported.edits()).hasSize(ACTIONS);

    // everything implemented and passed, half of it assigned to the contributor with a due date
    byte[] edited =
        workbook(
            exported,
            edit ->
                new ActionSheet.Row(
                    edit.actionId(),
                    edit.version(),
                    null,
                    null,
                    null,
                    ActionType.TECHNICAL,
                    0,
                    edit.actionId() % 2 == 0 ? contributorName : null,
                    null,
                    ImplementationStatus.IMPLEMENTED,
                    null,
                    TestStatus.PASSED,
                    null,
                    edit.actionId() % 2 == 0 ? LocalDate.of(2027, 3, 31) : null,
                    Priority.HIGH,
                    "done in bulk"));
    JsonPath preview =
        upload("/workbook/preview", edited).then().statusCode(200).extract().jsonPath();
    assertThat(preview.getInt("rows")).isEqualTo(ACTIONS);
    assertThat(preview.getInt("changed")).isEqualTo(ACTIONS);
    assertThat(preview.getList("errors")).isEmpty();
    assertThat(preview.getList("changes")).hasSize(ACTIONS);
    assertThat(preview.getList("changes[0].fields.column"))
        .contains("Implementation status", "Test status", "Priority", "Notes");
    assertThat(preview.getString("changes[0].fields.find { it.column == 'Test status' }.after"))
        .isEqualTo("Passed");
    assertThat(preview.getDouble("scoreBefore.percent")).isZero();
    assertThat(preview.getDouble("scoreAfter.percent")).isEqualTo(100.0);
    assertThat(percent()).as("a preview changes nothing").isZero();

    JsonPath applied = upload("/workbook", edited).then().statusCode(200).extract().jsonPath();
    assertThat(applied.getBoolean("applied")).isTrue();
    assertThat(percent()).isEqualTo(100.0);
    List<Map<String, Object>> now = Platform.actions(admin, tenant);
    assertThat(now)
        .allSatisfy(
            action -> {
              assertThat(action.get("testStatus")).isEqualTo("PASSED");
              assertThat(action.get("priority")).isEqualTo("HIGH");
              assertThat(action.get("notes")).isEqualTo("done in bulk");
            });
    assertThat(now).filteredOn(action -> action.get("assigneeName") != null).hasSize(ACTIONS / 2);

    // what was applied reads back the same
    ActionSheet.Parsed again = export();
    assertThat(again.edits())
        .allSatisfy(
            edit -> {
              assertThat(edit.testStatus()).isEqualTo(TestStatus.PASSED);
              assertThat(edit.implementationDate())
                  .isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC));
            });
  }

  @Test
  void aWorkbookWithThreeBadRowsIsRefusedWholeNamingEachRow() throws IOException {
    ActionSheet.Parsed exported = export();
    long historyBefore = TestDatabase.count("SELECT count(*) FROM " + schema + ".action_history");
    List<ActionSheet.Edit> edits = exported.edits();
    long stale = edits.get(4).actionId();
    long passedUnimplemented = edits.get(16).actionId();
    long stranger = edits.get(299).actionId();
    byte[] bad =
        workbook(
            exported,
            edit -> {
              long id = edit.actionId();
              return new ActionSheet.Row(
                  id,
                  id == stale ? edit.version() + 7 : edit.version(),
                  null,
                  null,
                  null,
                  ActionType.TECHNICAL,
                  0,
                  id == stranger ? "nobody-at-all@it.example" : edit.assignee(),
                  edit.tester(),
                  id == passedUnimplemented
                      ? ImplementationStatus.PLANNED
                      : ImplementationStatus.IMPLEMENTED,
                  null,
                  id == passedUnimplemented ? TestStatus.PASSED : TestStatus.NONE,
                  null,
                  edit.dueDate(),
                  Priority.LOW,
                  "second pass");
            });
    JsonPath problem =
        upload("/workbook", bad)
            .then()
            .statusCode(422)
            .contentType(Api.PROBLEM)
            .extract()
            .jsonPath();
    assertThat(problem.getList("cells.row", Integer.class)).containsExactly(6, 18, 301);
    assertThat(problem.getList("cells.column"))
        .containsExactly("Version", "Test status", "Assignee");
    assertThat(problem.getList("cells.sheet")).containsOnly("Actions");
    assertThat(problem.getString("cells[2].value")).isEqualTo("nobody-at-all@it.example");
    assertThat(problem.getString("detail")).contains("3 faults", "nothing was changed");
    assertThat(TestDatabase.count("SELECT count(*) FROM " + schema + ".action_history"))
        .isEqualTo(historyBefore);
    assertThat(Platform.actions(admin, tenant))
        .noneMatch(action -> "second pass".equals(action.get("notes")));
  }

  @Test
  void aRefusedCellIsReportedUnderItsOwnColumnWithTheValueItHeld() throws IOException {
    ActionSheet.Parsed exported = export();
    long reprioritised = exported.edits().get(7).actionId();
    long redated = exported.edits().get(9).actionId();
    LocalDate due = LocalDate.of(2031, 1, 31);
    byte[] edited =
        workbook(
            exported,
            edit ->
                row(
                    edit,
                    edit.actionId() != reprioritised
                        ? edit.priority()
                        : edit.priority() == Priority.HIGH ? Priority.LOW : Priority.HIGH,
                    edit.actionId() == redated ? due : edit.dueDate()));
    JsonPath problem =
        Api.as(contributor)
            .contentType(XLSX)
            .body(edited)
            .post("/tenants/" + tenant + "/actions/workbook")
            .then()
            .statusCode(422)
            .contentType(Api.PROBLEM)
            .extract()
            .jsonPath();
    assertThat(problem.getList("cells.row", Integer.class)).containsExactly(9, 11);
    assertThat(problem.getList("cells.column")).containsExactly("Priority", "Due date");
    assertThat(problem.getList("cells.value"))
        .containsExactly(
            exported.edits().get(7).priority() == Priority.HIGH ? "Low" : "High", "2031-01-31");
    assertThat(problem.getList("cells.reason", String.class))
        .allSatisfy(reason -> assertThat(reason).contains("admin role"));
  }

  /** The row as exported, but for its priority and due date. */
  private static ActionSheet.Row row(ActionSheet.Edit edit, Priority priority, LocalDate due) {
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
        edit.implementationStatus(),
        edit.implementationDate(),
        edit.testStatus(),
        edit.passedFraction(),
        due,
        priority,
        edit.notes());
  }

  private static ActionSheet.Parsed export() throws IOException {
    return ActionWorkbooks.export(admin, tenant);
  }

  private static byte[] workbook(
      ActionSheet.Parsed exported,
      java.util.function.Function<ActionSheet.Edit, ActionSheet.Row> edit)
      throws IOException {
    return ActionWorkbooks.write(exported, edit);
  }

  private static io.restassured.response.Response upload(String path, byte[] workbook) {
    return Api.as(admin)
        .contentType(XLSX)
        .body(workbook)
        .post("/tenants/" + tenant + "/actions" + path);
  }

  private static double percent() {
    return Api.as(admin)
        .get("/tenants/" + tenant + "/dashboard")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getDouble("overall.percent");
  }
}
