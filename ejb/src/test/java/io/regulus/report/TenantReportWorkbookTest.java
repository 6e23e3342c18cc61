package io.regulus.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TenantReportWorkbookTest {

  @Test
  void workbookHoldsTheFiguresAndTheSnapshotDateOnEverySheet() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TenantReportWorkbook.write(
        ReportFixture.report(), ReportFixture.controls(300), ReportFixture.actions(5000), out);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
      for (Sheet sheet : workbook) {
        Row caption = sheet.getRow(0);
        assertThat(caption.getCell(0).getStringCellValue()).isEqualTo("Snapshot date");
        assertThat(caption.getCell(1).getLocalDateTimeCellValue().toLocalDate())
            .as(sheet.getSheetName())
            .isEqualTo(ReportFixture.SNAPSHOT);
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
            .as("the header below the caption stays in view")
            .isEqualTo((short) 2);
        assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).startsWith("A2:");
      }
      Sheet summary = workbook.getSheet("Summary");
      assertThat(values(summary.getRow(2))).containsExactly("Tenant", ReportFixture.TENANT);
      assertThat(values(summary.getRow(3))).containsExactly("Firm", ReportFixture.FIRM);
      assertThat(values(summary.getRow(4))).containsExactly("Points achieved", 1234.5);
      assertThat(values(summary.getRow(5))).containsExactly("Points possible", 1980.0);
      assertThat(values(summary.getRow(6))).containsExactly("Score (%)", 62.3);
      assertThat(values(summary.getRow(7))).containsExactly("Overdue actions", 17.0);
      assertThat(values(summary.getRow(8))).containsExactly("Actions not implemented", 118.0);
      assertThat(values(summary.getRow(10))).containsExactly("Actions implemented", 212.0);

      Sheet trend = workbook.getSheet("Trend");
      assertThat(trend.getLastRowNum()).isEqualTo(1 + 60);
      assertThat(trend.getRow(61).getCell(0).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(ReportFixture.SNAPSHOT);

      Sheet categories = workbook.getSheet("Categories");
      assertThat(values(categories.getRow(1)))
          .containsExactly("Category", "Points achieved", "Points possible", "Score (%)");
      assertThat(values(categories.getRow(2)))
          .containsExactly("Sécurité des données", 40.0, 100.0, 40.0);
      assertThat(values(categories.getRow(11)).get(0)).isEqualTo(ReportFixture.LONG_NAME);

      assertThat(values(workbook.getSheet("Assessments").getRow(2)))
          .containsExactly("ISO/IEC 27001:2022", 512.5, 830.0, 61.7);
      assertThat(values(workbook.getSheet("Top gaps").getRow(16)))
          .containsExactly(15.0, "Réviser la politique n° 15 — contrôle d'accès", 13.0);

      Sheet controls = workbook.getSheet("Controls");
      assertThat(controls.getLastRowNum()).isEqualTo(1 + 300);
      assertThat(values(controls.getRow(2)))
          .containsExactly(
              "ISO/IEC 27001:2022", "AC-1", "Contrôle d'accès n° 1", "Passed", 0.0, 10.0, 1.0);
      assertThat(values(controls.getRow(3)).get(2)).isEqualTo(ReportFixture.LONG_NAME);
      assertThat(values(controls.getRow(3)).get(3)).isEqualTo("Failed");

      Sheet actions = workbook.getSheet("Actions");
      assertThat(actions.getLastRowNum()).isEqualTo(1 + 5000);
      List<Object> first = values(actions.getRow(2));
      assertThat(first.subList(0, 8))
          .containsExactly(
              "Action n° 0 : vérifier les accès",
              "ISO/IEC 27001:2022",
              "AC-1",
              "Not implemented",
              "None",
              "",
              0.0,
              0.5);
      assertThat(values(actions.getRow(3)).get(5)).isEqualTo("Zoë Ångström");
      assertThat(values(actions.getRow(3)).get(6)).isEqualTo(1.0);
    }
  }

  private static List<Object> values(Row row) {
    List<Object> values = new java.util.ArrayList<>();
    for (int column = 0; column < row.getLastCellNum(); column++) {
      var cell = row.getCell(column);
      values.add(
          switch (cell.getCellType()) {
            case NUMERIC -> cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> cell.getStringCellValue();
          });
    }
    return values;
  }
}
