package io.regulus.action.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.action.Priority;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDataValidation;

/** The action workbook as written, and read back unchanged. */
class ActionSheetRoundTripTest {

  private static final String[] NOTES = {
    null,
    "Rolled out to all admins",
    "Zoë's note, with a comma; \"quotes\" and\na second line",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "-1+2",
    "日本語のメモ",
    "x".repeat(RowParser.NOTES_MAX)
  };
  private static final BigDecimal[] FRACTIONS = {
    null,
    BigDecimal.ZERO,
    new BigDecimal("0.25"),
    new BigDecimal("0.333333333333333"),
    BigDecimal.ONE
  };

  @Test
  void fourHundredRowsReadBackAsTheyWereWritten() throws IOException {
    List<ActionSheet.Row> rows = rows(400);

    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(workbook(rows)));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.edits())
        .usingRecursiveFieldByFieldElementComparator(
            org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .build())
        .containsExactlyElementsOf(
            IntStream.range(0, rows.size()).mapToObj(i -> edit(i + 2, rows.get(i))).toList());
  }

  @Test
  void theWorkbookLooksLikeAnExport() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(workbook(rows(3))))) {
      XSSFSheet sheet = workbook.getSheet(ActionSheet.SHEET);
      assertThat(texts(sheet.getRow(0)))
          .containsExactly(
              "Action id",
              "Version",
              "Key",
              "Title",
              "Group",
              "Type",
              "Points",
              "Assignee",
              "Tester",
              "Implementation status",
              "Implementation date",
              "Test status",
              "Passed fraction",
              "Due date",
              "Priority",
              "Notes");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

      XSSFCell title = sheet.getRow(1).getCell(Column.TITLE.ordinal());
      assertThat(title.getCellStyle().getLocked()).isTrue();
      assertThat(title.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
      XSSFCell notes = sheet.getRow(1).getCell(Column.NOTES.ordinal());
      assertThat(notes.getCellStyle().getLocked()).isFalse();
      assertThat(notes.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);

      XSSFCell status = sheet.getRow(1).getCell(Column.IMPLEMENTATION_STATUS.ordinal());
      assertThat(status.getStringCellValue()).isEqualTo("Planned");
      XSSFCell due = sheet.getRow(2).getCell(Column.DUE_DATE.ordinal());
      assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
      assertThat(due.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(sheet.getColumnWidth(Column.NOTES.ordinal()))
          .isGreaterThan(sheet.getColumnWidth(0));

      assertThat(sheet.getDataValidations()).hasSize(4);
      assertThat(sheet.getDataValidations())
          .filteredOn(
              validation ->
                  validation.getRegions().getCellRangeAddress(0).getFirstColumn()
                      == Column.TEST_STATUS.ordinal())
          .singleElement()
          .satisfies(
              validation -> {
                assertThat(validation.getValidationConstraint().getExplicitListValues())
                    .contains("Not assessed", "Failed high risk", "Partially tested");
                assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
              });
      // Excel shows the in-cell arrow unless showDropDown="1"
      assertThat(sheet.getCTWorksheet().getDataValidations().getDataValidationArray())
          .noneMatch(CTDataValidation::getShowDropDown);
    }
  }

  @Test
  void textThatLooksLikeAFormulaStaysText() throws IOException {
    List<ActionSheet.Row> rows = rows(7);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(workbook(rows)))) {
      XSSFCell formulaLike =
          workbook.getSheet(ActionSheet.SHEET).getRow(4).getCell(Column.NOTES.ordinal());
      assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
      assertThat(formulaLike.getStringCellValue()).isEqualTo(NOTES[3]);
      assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
    }
  }

  @Test
  void fiveThousandActionsReadBack() throws IOException {
    List<ActionSheet.Row> rows = rows(5_000);
    assertThat(ActionSheet.read(new ByteArrayInputStream(workbook(rows))).edits()).hasSize(5_000);
  }

  static byte[] workbook(List<ActionSheet.Row> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ActionSheet.write(rows, out);
    return out.toByteArray();
  }

  /** Rows going through every status, blank and filled optional cells, and awkward text. */
  static List<ActionSheet.Row> rows(int count) {
    ImplementationStatus[] implementations = ImplementationStatus.values();
    TestStatus[] tests = TestStatus.values();
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new ActionSheet.Row(
                    1_000 + i,
                    i % 5,
                    "action-" + i,
                    "Action number " + i,
                    i % 3 == 0 ? null : "FY" + (2026 + i % 3),
                    ActionType.values()[i % 3],
                    1 + i % 99,
                    i % 4 == 0 ? null : "user" + i + "@example.com",
                    i % 6 == 0 ? null : "tester" + i,
                    implementations[(i + 1) % implementations.length],
                    i % 2 == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(i),
                    tests[i % tests.length],
                    FRACTIONS[i % FRACTIONS.length],
                    i % 7 == 0 ? null : LocalDate.of(2027, 12, 31).minusDays(i),
                    Priority.values()[i % 4],
                    NOTES[i % NOTES.length]))
        .toList();
  }

  static ActionSheet.Edit edit(int rowNumber, ActionSheet.Row row) {
    return new ActionSheet.Edit(
        rowNumber,
        row.actionId(),
        row.version(),
        row.assignee(),
        row.tester(),
        row.implementationStatus(),
        row.implementationDate(),
        row.testStatus(),
        row.passedFraction(),
        row.dueDate(),
        row.priority(),
        row.notes());
  }

  private static List<String> texts(XSSFRow row) {
    List<String> texts = new java.util.ArrayList<>();
    row.forEach(cell -> texts.add(cell.getStringCellValue()));
    return texts;
  }
}
