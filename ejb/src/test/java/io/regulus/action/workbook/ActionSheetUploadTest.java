package io.regulus.action.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.regulus.action.Priority;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.spreadsheet.CellError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Uploads as users make them: edited in Excel (shared strings, date cells in any format), with
 * mistakes, or not a workbook at all. Every fault comes back as a CellError, placed where the user
 * sees it; nothing throws.
 */
class ActionSheetUploadTest {

  private static final List<String> HEADER =
      List.of(
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

  @Test
  void everyBadCellIsReportedAndTheGoodRowsStillRead() throws IOException {
    byte[] upload =
        excel(
            "Actions",
            HEADER,
            row(
                1,
                0,
                "Alice",
                "Bob",
                "Implemented",
                LocalDate.of(2026, 2, 1),
                "Passed",
                null,
                null,
                "High",
                "ok"),
            row(2, 3, null, null, "Done", "31/03/2026", "None", null, null, "Low", null),
            row(
                3,
                1,
                null,
                null,
                "Planned",
                null,
                "None",
                null,
                LocalDate.of(2026, 6, 30),
                "Medium",
                null),
            row(4, 1, null, null, "Implemented", null, "Partially tested", 1.5, null, "Low", null),
            row(
                5,
                1,
                "carol@example.com",
                null,
                "Not implemented",
                null,
                "None",
                null,
                null,
                "Critical",
                null),
            row("abc", 1, null, null, "Planned", null, "None", null, null, "Low", null));

    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(upload));

    assertThat(parsed.errors())
        .extracting(CellError::sheet, CellError::row, CellError::column, CellError::value)
        .containsExactly(
            tuple("Actions", 3, "Implementation status", "Done"),
            tuple("Actions", 3, "Implementation date", "31/03/2026"),
            tuple("Actions", 5, "Passed fraction", "1.5"),
            tuple("Actions", 7, "Action id", "abc"));
    assertThat(parsed.errors().get(0).reason())
        .contains("one of Not implemented, Planned, Implemented");
    assertThat(parsed.errors().get(1).reason()).contains("2026-03-31");
    assertThat(parsed.errors().get(2).reason()).contains("from 0 to 1");
    assertThat(parsed.errors().get(3).reason()).contains("whole number");
    assertThat(parsed.edits())
        .extracting(ActionSheet.Edit::rowNumber, ActionSheet.Edit::actionId)
        .containsExactly(tuple(2, 1L), tuple(4, 3L), tuple(6, 5L));
    assertThat(parsed.edits().get(0))
        .isEqualTo(
            new ActionSheet.Edit(
                2,
                1,
                0,
                "Alice",
                "Bob",
                ImplementationStatus.IMPLEMENTED,
                LocalDate.of(2026, 2, 1),
                TestStatus.PASSED,
                null,
                null,
                Priority.HIGH,
                "ok"));
    assertThat(parsed.edits().get(1).dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
  }

  @Test
  void enumsAndDatesReadInTheSpellingsPeopleUse() throws IOException {
    byte[] upload =
        excel(
            "Actions",
            HEADER,
            row(1, 0, null, null, "NOT_IMPLEMENTED", null, "none", null, "2026-04-01", "LOW", null),
            row(
                2,
                0,
                null,
                null,
                "not-implemented",
                null,
                " Could not be detected ",
                "75%",
                null,
                "critical",
                null),
            row(
                3,
                0,
                null,
                null,
                "Alternative  implementation",
                "2026-01-31",
                "partially_tested",
                "0.5",
                null,
                "Medium",
                null));

    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(upload));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.edits())
        .extracting(
            ActionSheet.Edit::implementationStatus,
            ActionSheet.Edit::testStatus,
            ActionSheet.Edit::priority)
        .containsExactly(
            tuple(ImplementationStatus.NOT_IMPLEMENTED, TestStatus.NONE, Priority.LOW),
            tuple(
                ImplementationStatus.NOT_IMPLEMENTED,
                TestStatus.COULD_NOT_BE_DETECTED,
                Priority.CRITICAL),
            tuple(
                ImplementationStatus.ALTERNATIVE_IMPLEMENTATION,
                TestStatus.PARTIALLY_TESTED,
                Priority.MEDIUM));
    assertThat(parsed.edits().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(parsed.edits().get(1).passedFraction()).isEqualByComparingTo("0.75");
    assertThat(parsed.edits().get(2).implementationDate()).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(parsed.edits().get(2).passedFraction()).isEqualByComparingTo("0.5");
  }

  @Test
  void blankCellsClearButBlankStatusesAreErrors() throws IOException {
    byte[] upload =
        excel(
            "Actions",
            HEADER,
            row(1, 0, " ", null, "Planned", null, "None", null, null, "Low", "  "),
            row(2, 0, null, null, null, null, null, null, null, null, null),
            new Object[16]);

    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(upload));

    assertThat(parsed.edits())
        .singleElement()
        .satisfies(
            edit -> {
              assertThat(edit.assignee()).isNull();
              assertThat(edit.notes()).isNull();
              assertThat(edit.dueDate()).isNull();
            });
    assertThat(parsed.errors())
        .extracting(CellError::row, CellError::column, CellError::value)
        .containsExactly(
            tuple(3, "Implementation status", null),
            tuple(3, "Test status", null),
            tuple(3, "Priority", null));
    assertThat(parsed.errors().get(0).reason()).startsWith("required: one of");
  }

  @Test
  void aSecondRowForTheSameActionIsAnError() throws IOException {
    byte[] upload =
        excel(
            "Actions",
            HEADER,
            row(7, 0, null, null, "Planned", null, "None", null, null, "Low", null),
            row(7, 0, null, null, "Implemented", null, "None", null, null, "Low", null));

    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(upload));

    assertThat(parsed.edits()).extracting(ActionSheet.Edit::rowNumber).containsExactly(2);
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.row()).isEqualTo(3);
              assertThat(error.reason()).contains("row 2");
            });
  }

  @Test
  void overlongTextExcelErrorsAndCellsRightOfTheTableAreReported() throws IOException {
    Object[] tooLong =
        row(
            1,
            0,
            "a".repeat(256),
            null,
            "Planned",
            null,
            "None",
            null,
            null,
            "Low",
            "n".repeat(RowParser.NOTES_MAX + 1));
    Object[] withExtra =
        Arrays.copyOf(row(2, 0, null, null, "Planned", null, "None", null, null, "Low", null), 18);
    withExtra[17] = "stray";
    byte[] upload = excel("Actions", HEADER, tooLong, withExtra);
    byte[] withError = withErrorCell(upload);

    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(withError));

    assertThat(parsed.errors())
        .extracting(CellError::row, CellError::column)
        .containsExactly(
            tuple(2, "Assignee"), tuple(2, "Notes"), tuple(3, "Tester"), tuple(3, "R"));
    assertThat(parsed.errors().get(1).reason()).contains("at most 4000 characters (got 4001)");
    assertThat(parsed.errors().get(1).value()).hasSize(100);
    assertThat(parsed.errors().get(2).value()).isEqualTo("#N/A");
    assertThat(parsed.edits()).isEmpty();
  }

  @Test
  void aWrongHeaderIsOneErrorSayingWhatWasExpected() throws IOException {
    List<String> renamed =
        HEADER.stream().map(name -> name.equals("Assignee") ? "Assigned to" : name).toList();
    byte[] upload =
        excel(
            "Actions",
            renamed,
            row(1, 0, null, null, "Planned", null, "None", null, null, "Low", null));

    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(upload));

    assertThat(parsed.edits()).isEmpty();
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error)
                  .extracting(CellError::sheet, CellError::row, CellError::column, CellError::value)
                  .containsExactly("Actions", 1, "Assignee", "Assigned to");
              assertThat(error.reason())
                  .contains("Action id, Version, Key", "column H is \"Assigned to\"");
            });
  }

  @Test
  void anExtraColumnInTheHeaderIsRefused() throws IOException {
    List<String> extended = new java.util.ArrayList<>(HEADER);
    extended.add("Evidence link");

    ActionSheet.Parsed parsed =
        ActionSheet.read(new ByteArrayInputStream(excel("Actions", extended)));

    assertThat(parsed.errors())
        .singleElement()
        .extracting(CellError::column, CellError::value)
        .containsExactly("Q", "Evidence link");
  }

  @Test
  void aMissingSheetNamesTheSheetsThereAre() throws IOException {
    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(excel("Sheet1", HEADER)));

    assertThat(parsed.edits()).isEmpty();
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.sheet()).isEqualTo("Actions");
              assertThat(error.reason()).contains("no sheet \"Actions\"", "its sheets: Sheet1");
            });
  }

  @Test
  void anEmptySheetAsksForTheHeader() throws IOException {
    ActionSheet.Parsed parsed =
        ActionSheet.read(new ByteArrayInputStream(excel("Actions", List.of())));

    assertThat(parsed.errors())
        .singleElement()
        .extracting(CellError::reason)
        .asString()
        .contains("empty");
  }

  @Test
  void whatIsNotAnXlsxIsToldApart() throws IOException {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    byte[] csv =
        (String.join(",", HEADER) + "\r\n1,0,a,A,,Technical,3,,,Planned,,None,,,Low,\r\n")
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (HSSFWorkbook old = new HSSFWorkbook()) {
      old.createSheet("Actions");
      old.write(xls);
    }

    assertThat(fileError(random)).startsWith("This is not an Excel workbook (.xlsx)");
    assertThat(fileError(csv))
        .startsWith("This is not an Excel workbook (.xlsx)")
        .contains("not as CSV");
    assertThat(fileError(xls.toByteArray())).contains(".xls");
    assertThat(fileError(new byte[0])).contains("empty");
    assertThat(fileError(zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8))))
        .startsWith("The file could not be read as an Excel workbook (.xlsx)");
    byte[] truncated =
        Arrays.copyOf(ActionSheetRoundTripTest.workbook(ActionSheetRoundTripTest.rows(50)), 3000);
    assertThat(fileError(truncated))
        .startsWith("The file could not be read as an Excel workbook (.xlsx)")
        .doesNotContain(System.getProperty("java.io.tmpdir"));
  }

  @Test
  void aZipBombIsRefused() throws IOException {
    byte[] workbook = ActionSheetRoundTripTest.workbook(ActionSheetRoundTripTest.rows(1));
    byte[] bomb =
        replaceEntry(
            workbook,
            "xl/worksheets/sheet1.xml",
            sheetXml -> {
              String xml = new String(sheetXml, StandardCharsets.UTF_8);
              return xml.replace("<sheetData>", "<sheetData>" + " ".repeat(20 << 20))
                  .getBytes(StandardCharsets.UTF_8);
            });

    assertThat(fileError(bomb)).contains("zip bomb");
  }

  @Test
  void tooManyRowsOrBytesAreRefusedWhole() throws IOException {
    byte[] upload = ActionSheetRoundTripTest.workbook(ActionSheetRoundTripTest.rows(11));

    ActionSheet.Parsed tooMany =
        new ActionSheetReader(10, ActionSheet.MAX_BYTES).read(new ByteArrayInputStream(upload));
    ActionSheet.Parsed tooLarge =
        new ActionSheetReader(10, upload.length - 1L).read(new ByteArrayInputStream(upload));

    assertThat(tooMany.edits()).isEmpty();
    assertThat(tooMany.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.row()).isEqualTo(12);
              assertThat(error.reason()).startsWith("More than 10 action rows");
            });
    assertThat(tooLarge.edits()).isEmpty();
    assertThat(tooLarge.errors())
        .singleElement()
        .extracting(CellError::reason)
        .asString()
        .contains("larger than");
  }

  private static String fileError(byte[] upload) throws IOException {
    ActionSheet.Parsed parsed = ActionSheet.read(new ByteArrayInputStream(upload));
    assertThat(parsed.edits()).isEmpty();
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.sheet()).isNull();
              assertThat(error.row()).isZero();
            });
    return parsed.errors().get(0).reason();
  }

  /**
   * The editable cells of a row, with id and version; the read-only cells are left blank, as they
   * are not read.
   */
  private static Object[] row(
      Object id,
      Object version,
      Object assignee,
      Object tester,
      Object implementation,
      Object implemented,
      Object test,
      Object fraction,
      Object due,
      Object priority,
      Object notes) {
    return new Object[] {
      id,
      version,
      null,
      null,
      null,
      null,
      null,
      assignee,
      tester,
      implementation,
      implemented,
      test,
      fraction,
      due,
      priority,
      notes
    };
  }

  /** A workbook as Excel saves one: shared strings, and dates in the local "m/d/yy" format. */
  private static byte[] excel(String sheetName, List<String> header, Object[]... rows)
      throws IOException {
    try (Workbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(sheetName);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat((short) 14);
      if (!header.isEmpty()) {
        Row first = sheet.createRow(0);
        for (int column = 0; column < header.size(); column++) {
          first.createCell(column).setCellValue(header.get(column));
        }
      }
      for (int i = 0; i < rows.length; i++) {
        Row row = sheet.createRow(i + 1);
        for (int column = 0; column < rows[i].length; column++) {
          Object value = rows[i][column];
          if (value instanceof String text) {
            row.createCell(column).setCellValue(text);
          } else if (value instanceof Number number) {
            row.createCell(column).setCellValue(number.doubleValue());
          } else if (value instanceof LocalDate day) {
            row.createCell(column).setCellValue(day);
            row.getCell(column).setCellStyle(date);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  /**
   * The upload with an #N/A error in the Tester cell of row 3, as a broken lookup formula leaves
   * it.
   */
  private static byte[] withErrorCell(byte[] upload) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(upload))) {
      workbook
          .getSheet("Actions")
          .getRow(2)
          .createCell(Column.TESTER.ordinal())
          .setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] zip(String name, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
    }
    return out.toByteArray();
  }

  private static byte[] replaceEntry(
      byte[] zipped, String name, java.util.function.UnaryOperator<byte[]> change)
      throws IOException {
    // read through the central directory: SXSSF's local headers do not carry the sizes
    // ZipInputStream wants
    Path file = Files.createTempFile("regulus-test-", ".zip");
    try {
      Files.write(file, zipped);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipFile in = new ZipFile(file.toFile());
          ZipOutputStream zip = new ZipOutputStream(out)) {
        for (ZipEntry entry : java.util.Collections.list(in.entries())) {
          byte[] content = in.getInputStream(entry).readAllBytes();
          zip.putNextEntry(new ZipEntry(entry.getName()));
          zip.write(entry.getName().equals(name) ? change.apply(content) : content);
        }
      }
      return out.toByteArray();
    } finally {
      Files.delete(file);
    }
  }
}
