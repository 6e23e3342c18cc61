package io.regulus.template.exchange;

import static io.regulus.template.exchange.ComplianceWorkbookImportTest.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;

/**
 * Bad workbooks: every fault is reported in one pass, placed by tab, row and column, with what to
 * do; nothing throws, and a row at fault gives nothing to the sink.
 */
class ComplianceWorkbookProblemsTest {

  private static final List<Object> TEMPLATE_HEADER =
      List.of("title", "product", "certification", "inScopeServices");
  private static final List<Object> CONTROL_HEADER =
      List.of(
          "controlName",
          "controlFamily",
          "controlTitle",
          "controlDescription",
          "controlActionTitle");
  private static final List<Object> ACTION_HEADER =
      List.of(
          "actionTitle",
          "implementationType",
          "actionScore",
          "actionDescriptionTitle",
          "actionDescription",
          "dimension-Category");

  @Test
  void everyFaultOfEveryTabIsReportedAtOnce() throws IOException {
    Map<String, List<List<Object>>> tabs = new LinkedHashMap<>();
    tabs.put(
        "Template",
        List.of(TEMPLATE_HEADER, List.of("", "Product"), List.of("Second template", "")));
    tabs.put(
        "ControlFamily",
        List.of(
            CONTROL_HEADER,
            List.of("C1", "Family", "Title", "", "Enable MFA;;Missing action"),
            List.of("C1", "Family", "Title again", "", ""),
            List.of("c".repeat(81), "Family", "Title", "", ""),
            List.of("C3", "", "", "", "Fine"),
            List.of("C4", "f".repeat(201), "Title", "", "Rotate keys"),
            List.of("C5", "Family", "Title", "Text", "fine ;; Enable MFA")));
    tabs.put(
        "Actions",
        List.of(
            ACTION_HEADER,
            List.of("Enable MFA", "technical", 0),
            List.of("Enable MFA", "technical", 5),
            List.of("Enable  mfa!", "technical", 5),
            List.of("Rotate keys", "automatic", 100),
            List.of("Half", "Operational", 2.5),
            List.of("", "Operational", 5),
            List.of("x".repeat(301), "Operational", "abc"),
            List.of("Category", "Operational", 5, "", "", "c".repeat(61)),
            List.of("Fine", "Operational", 5),
            List.of("Error", "Operational", FormulaError.NA)));

    RecordingSink sink = read(workbook(tabs));

    assertThat(sink.problems)
        .extracting(ImportProblem::where, ImportProblem::row, ImportProblem::column)
        .containsExactly(
            tuple("Template", 2, "title"),
            tuple("Template", 3, null),
            tuple("Actions", 2, "actionScore"),
            tuple("Actions", 3, "actionTitle"),
            tuple("Actions", 4, "actionTitle"),
            tuple("Actions", 5, "implementationType"),
            tuple("Actions", 5, "actionScore"),
            tuple("Actions", 6, "actionScore"),
            tuple("Actions", 7, "actionTitle"),
            tuple("Actions", 8, "actionTitle"),
            tuple("Actions", 8, "actionScore"),
            tuple("Actions", 9, "dimension-Category"),
            tuple("Actions", 11, "actionScore"),
            tuple("ControlFamily", 2, "controlActionTitle"),
            tuple("ControlFamily", 3, "controlName"),
            tuple("ControlFamily", 4, "controlName"),
            tuple("ControlFamily", 5, "controlFamily"),
            tuple("ControlFamily", 5, "controlTitle"),
            tuple("ControlFamily", 6, "controlFamily"));
    assertThat(sink.problems)
        .extracting(ImportProblem::value, ImportProblem::reason)
        .containsExactly(
            tuple(null, "The cell is empty: title is required in every row"),
            tuple(null, "The tab holds one row of values, below its header: delete this row"),
            tuple(
                "0",
                "The score must be a whole number from 1 to 99 (0 and 100 are refused): type"
                    + " one"),
            tuple(
                "Enable MFA",
                "The action title is in row 2 already: give each action a title of its own, or"
                    + " delete this row"),
            tuple(
                "Enable  mfa!",
                "The title gives the same action key \"enable-mfa\" as \"Enable MFA\" in row 2"
                    + " (keys ignore case, accents and punctuation): make the titles differ in"
                    + " their words"),
            tuple(
                "automatic",
                "Unknown implementation type: write Technical, Operational, Documentation (in"
                    + " any case)"),
            tuple(
                "100",
                "The score must be a whole number from 1 to 99 (0 and 100 are refused): type"
                    + " one"),
            tuple(
                "2.5",
                "The score must be a whole number from 1 to 99 (0 and 100 are refused): type"
                    + " one"),
            tuple(null, "The cell is empty: actionTitle is required in every row"),
            tuple(
                "x".repeat(199) + "\u2026",
                "The value has 301 characters, more than the 300 allowed: shorten it"),
            tuple(
                "abc",
                "The score must be a whole number from 1 to 99 (0 and 100 are refused): type"
                    + " one"),
            tuple(
                "c".repeat(61),
                "The value has 61 characters, more than the 60 allowed: shorten it"),
            tuple("#N/A", "The cell holds Excel's error #N/A: type the value itself"),
            tuple(
                "Missing action",
                "No action of the Actions tab has this title: add the action there, or correct"
                    + " the title (titles are separated by ;;)"),
            tuple(
                "C1",
                "The control is in row 2 already: give each control a name of its own, or"
                    + " merge the rows"),
            tuple(
                "c".repeat(81),
                "The value has 81 characters, more than the 80 allowed: shorten it"),
            tuple(null, "The cell is empty: controlFamily is required in every row"),
            tuple(null, "The cell is empty: controlTitle is required in every row"),
            tuple(
                "f".repeat(200 - 1) + "\u2026",
                "The value has 201 characters, more than the 200 allowed: shorten it"));
    assertThat(sink.actions).extracting(ExchangeAction::key).containsExactly("fine");
    assertThat(sink.controls)
        .extracting(ExchangeControl::id, ExchangeControl::actionKeys)
        .containsExactly(tuple("C5", List.of("fine", "enable-mfa")));
  }

  @Test
  void missingTabsColumnsAndAWrongTabOrderAreAllReported() throws IOException {
    Map<String, List<List<Object>>> tabs = new LinkedHashMap<>();
    tabs.put(
        "Actions",
        List.of(List.of("ActionTitle", "actionDescription", "dimension- "), List.of("A")));
    tabs.put("Template", List.of(TEMPLATE_HEADER, List.of("T")));
    tabs.put(
        "ControlFamily",
        List.of(
            List.of("controlName", "controlTitle", "controlTitle", "controlActionTitle"),
            List.of("C1", "Title", "", "A;;B")));

    RecordingSink sink = read(workbook(tabs));

    assertThat(sink.problems)
        .extracting(
            ImportProblem::where, ImportProblem::row, ImportProblem::column, ImportProblem::reason)
        .containsExactly(
            tuple(
                "file",
                null,
                null,
                "The tabs are in the order Actions, Template, ControlFamily: move them into"
                    + " Compliance Manager's order, Template, ControlFamily, Actions"),
            tuple(
                "Actions",
                1,
                "implementationType",
                "The tab has no column \"implementationType\": add it to the header row (row"
                    + " 1), whose columns are ActionTitle, actionDescription, dimension-"),
            tuple(
                "Actions",
                1,
                "actionScore",
                "The tab has no column \"actionScore\": add it to the header row (row 1), whose"
                    + " columns are ActionTitle, actionDescription, dimension-"),
            tuple(
                "Actions",
                1,
                "dimension-",
                "The dimension column has no name: name it dimension-<name>"),
            tuple(
                "ControlFamily",
                1,
                "controlTitle",
                "Columns B and C are both named \"controlTitle\": keep one of them"),
            tuple(
                "ControlFamily",
                1,
                "controlFamily",
                "The tab has no column \"controlFamily\": add it to the header row (row 1),"
                    + " whose columns are controlName, controlTitle, controlActionTitle"),
            tuple(
                "ControlFamily",
                2,
                "controlActionTitle",
                "No action of the Actions tab has this title: add the action there, or correct"
                    + " the title (titles are separated by ;;)"));
    assertThat(sink.headers).extracting(TemplateHeader::title).containsExactly("T");
    assertThat(sink.actions).isEmpty();
    assertThat(sink.controls).isEmpty();
  }

  @Test
  void aMissingTabAndAnEmptyOneAreReported() throws IOException {
    Map<String, List<List<Object>>> tabs = new LinkedHashMap<>();
    tabs.put("Template", List.of());
    tabs.put("Actions", List.of(ACTION_HEADER, List.of("A", "Technical", 3)));

    RecordingSink sink = read(workbook(tabs));

    assertThat(sink.problems)
        .extracting(
            ImportProblem::where, ImportProblem::row, ImportProblem::column, ImportProblem::reason)
        .containsExactly(
            tuple(
                "ControlFamily",
                null,
                null,
                "The workbook has no tab \"ControlFamily\" (its tabs: Template, Actions): add it;"
                    + " the tabs are Template, ControlFamily, Actions, Dimensions (the last"
                    + " optional), in this order"),
            tuple(
                "Template",
                1,
                null,
                "The tab is empty: its first row names the columns (title), the rows below hold"
                    + " the values"));
    assertThat(sink.actions).extracting(ExchangeAction::key).containsExactly("a");
  }

  @Test
  void whatIsNotAWorkbookIsOneProblemOfTheFile() throws IOException {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    byte[] good = ComplianceWorkbookRoundTripTest.write(ComplianceWorkbookRoundTripTest.content());
    byte[] truncated = Arrays.copyOf(good, good.length / 2);

    for (byte[] bad : List.of(random, truncated, new byte[0], "title\r\nT\r\n".getBytes())) {
      RecordingSink sink = read(bad);

      assertThat(sink.problems)
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.where()).isEqualTo("file");
                assertThat(problem.row()).isNull();
                assertThat(problem.reason())
                    .containsAnyOf("not an Excel workbook", "could not be read", "empty");
              });
      assertThat(sink.actions).isEmpty();
    }
  }

  static RecordingSink read(byte[] workbook) throws IOException {
    RecordingSink sink = new RecordingSink();
    new ComplianceWorkbookReader()
        .read(new ByteArrayInputStream(workbook), ImportOptions.DEFAULTS, sink);
    return sink;
  }
}
