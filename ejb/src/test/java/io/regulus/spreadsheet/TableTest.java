package io.regulus.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.scoring.ImplementationStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Exports of a table: RFC 4180 CSV that Excel opens as UTF-8, and XLSX; neither runs a user's text
 * as a formula.
 */
class TableTest {

  private static final List<String> HEADERS =
      List.of("When", "Field", "Old value", "New value", "Points", "Due");

  @Test
  void csvQuotesCommasQuotesAndLineBreaksAndStartsWithAByteOrderMark() throws IOException {
    Table table =
        new Table(
            HEADERS,
            List.of(
                Arrays.asList(
                    Instant.parse("2026-03-31T09:15:00Z"),
                    "notes",
                    "a, b",
                    "say \"hi\"\r\nbye",
                    27,
                    LocalDate.of(2026, 4, 1)),
                Arrays.asList(
                    null,
                    ImplementationStatus.ALTERNATIVE_IMPLEMENTATION,
                    "Zoë 日本",
                    "",
                    new BigDecimal("1E+1"),
                    null)));

    String csv = csv(table);

    assertThat(csv)
        .isEqualTo(
            "\uFEFF"
                + "When,Field,Old value,New value,Points,Due\r\n"
                + "2026-03-31T09:15:00Z,notes,\"a, b\",\"say \"\"hi\"\"\r\nbye\",27,2026-04-01\r\n"
                + ",Alternative implementation,Zoë 日本,,10,\r\n");
  }

  @Test
  void csvTextThatLooksLikeAFormulaGetsALeadingQuote() throws IOException {
    Table table =
        new Table(
            List.of("Text", "Number"),
            List.of(
                List.of("=HYPERLINK(\"http://evil.example\")", -5),
                List.of("+1", 1),
                List.of("-1", 1),
                List.of("@SUM(A1)", 1),
                List.of("\tx", 1),
                List.of("\r=1", 1),
                List.of("\uFF1D1+1", 1),
                List.of("a=b", 1),
                List.of("=1,2", 1)));

    assertThat(csv(table).split("\r\n", -1))
        .containsExactly(
            "\uFEFFText,Number",
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\",-5",
            "'+1,1",
            "'-1,1",
            "'@SUM(A1),1",
            "'\tx,1",
            "\"'\r=1\",1",
            "'\uFF1D1+1,1",
            "a=b,1",
            "\"'=1,2\",1",
            "");
  }

  @Test
  void xlsxReadsBackWithPoiAndNeverHoldsAFormula() throws IOException {
    Table table =
        new Table(
            HEADERS,
            List.of(
                Arrays.asList(
                    Instant.parse("2026-03-31T09:15:30Z"),
                    "=1+1",
                    ImplementationStatus.PLANNED,
                    "plain",
                    27,
                    LocalDate.of(2026, 4, 1)),
                Arrays.asList(
                    null, "-2+3", null, "x".repeat(40_000), new BigDecimal("0.125"), null)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    table.writeXlsx("History", out);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      XSSFSheet sheet = workbook.getSheet("History");
      assertThat(texts(sheet.getRow(0))).containsExactlyElementsOf(HEADERS);
      XSSFRow first = sheet.getRow(1);
      assertThat(DateUtil.isCellDateFormatted(first.getCell(0))).isTrue();
      assertThat(first.getCell(0).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.of(2026, 3, 31, 9, 15, 30));
      assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("=1+1");
      assertThat(first.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Planned");
      assertThat(first.getCell(3).getCellStyle().getQuotePrefixed()).isFalse();
      assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(27);
      assertThat(first.getCell(5).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 4, 1));
      XSSFRow second = sheet.getRow(2);
      assertThat(second.getCell(1).getCellType()).isEqualTo(CellType.STRING);
      assertThat(second.getCell(3).getStringCellValue())
          .hasSize(XlsxSheet.MAX_TEXT)
          .endsWith("\u2026");
      assertThat(second.getCell(4).getNumericCellValue()).isEqualTo(0.125);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
    }
  }

  @Test
  void aRowOfTheWrongWidthOrAnUnknownValueIsRefused() {
    Table tooShort = new Table(List.of("A", "B"), List.of(List.of("only one")));
    Table unknown = new Table(List.of("A"), List.of(List.of(new Object())));

    assertThatThrownBy(() -> csv(tooShort))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Row 1 has 1 values for 2 headers");
    assertThatThrownBy(() -> tooShort.writeXlsx("T", new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> csv(unknown)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String csv(Table table) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    table.writeCsv(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> texts(XSSFRow row) {
    List<String> texts = new java.util.ArrayList<>();
    row.forEach(cell -> texts.add(cell.getStringCellValue()));
    return texts;
  }
}
