package io.regulus.template.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A version written, read back, and written again gives the same workbook, cell for cell. */
class ComplianceWorkbookRoundTripTest {

  @Test
  void exportImportExportGivesTheSameWorkbook() throws IOException {
    TemplateContent content = content();

    byte[] first = write(content);
    RecordingSink read = read(first);
    byte[] second = write(read.content());

    assertThat(read.problems).isEmpty();
    assertThat(cells(second)).isEqualTo(cells(first));
    Map<String, List<List<Object>>> tabs = cells(first);
    assertThat(tabs.keySet()).containsExactly("Template", "ControlFamily", "Actions", "Dimensions");
    assertThat(tabs.get("Template"))
        .containsExactly(
            List.of("title", "product", "certification", "inScopeServices"),
            List.of("Cloud controls", "Regulus", "ISO/IEC 27001:2022", "Mail;;Files"));
    assertThat(tabs.get("ControlFamily").get(1))
        .containsExactly(
            "A.5.15",
            "Organizational controls",
            "Access control",
            "Rules to control access are established.",
            "Write the access policy;;Review access quarterly");
    assertThat(tabs.get("Actions").get(0))
        .containsExactly(
            "actionTitle",
            "implementationType",
            "actionScore",
            "actionDescriptionTitle",
            "actionDescription",
            "dimension-Action Purpose",
            "dimension-Category",
            "dimension-Solution",
            "dimension-Responsibility",
            "dimension-Workload");
    assertThat(tabs.get("Actions").get(2))
        .containsExactly(
            "Write the access policy",
            "Documentation",
            3.0,
            "=Why it matters",
            policyDescription(),
            null,
            "Manage compliance",
            null,
            "Provider",
            "All");
    assertThat(tabs.get("Dimensions").get(0))
        .containsExactly("dimensionKey", "dimensionValue", "note");
  }

  @Test
  void whatIsReadBackIsTheVersionWritten() throws IOException {
    RecordingSink read = read(write(content()));

    TemplateHeader header = read.headers.get(0);
    assertThat(header.title()).isEqualTo("Cloud controls");
    assertThat(header.regulation()).isEqualTo("ISO/IEC 27001:2022");
    assertThat(header.attributes())
        .containsExactly(
            Map.entry("product", "Regulus"),
            Map.entry("certification", "ISO/IEC 27001:2022"),
            Map.entry("inScopeServices", "Mail;;Files"));
    assertThat(header.dimensions()).isEqualTo(content().header().dimensions());
    assertThat(read.actions)
        .extracting(
            ExchangeAction::key,
            ExchangeAction::type,
            ExchangeAction::points,
            ExchangeAction::category,
            ExchangeAction::solution,
            ExchangeAction::managedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "enable-mfa-for-admins", "TECHNICAL", 27, "Identity", "Entra ID", "CUSTOMER"),
            org.assertj.core.groups.Tuple.tuple(
                "write-the-access-policy",
                "DOCUMENTATION",
                3,
                "Manage compliance",
                null,
                "PROVIDER"),
            org.assertj.core.groups.Tuple.tuple(
                "review-access-quarterly",
                "OPERATIONAL",
                99,
                "Manage compliance",
                null,
                "CUSTOMER"));
    ExchangeAction policy = read.actions.get(1);
    assertThat(policy.description()).isEqualTo(policyDescription());
    assertThat(policy.descriptionTitle()).isEqualTo("=Why it matters");
    assertThat(read.controls)
        .extracting(ExchangeControl::id, ExchangeControl::actionKeys)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "A.5.15", List.of("write-the-access-policy", "review-access-quarterly")),
            org.assertj.core.groups.Tuple.tuple("A.8.5", List.of("enable-mfa-for-admins")),
            org.assertj.core.groups.Tuple.tuple("A.5.1", List.of()));
  }

  static String policyDescription() {
    return "Write the policy.\nSay who grants access, and how it is reviewed; \"quotes\", Zoë, 日本語.";
  }

  static TemplateContent content() {
    List<ExchangeAction> actions =
        List.of(
            new ExchangeAction(
                "enable-mfa-for-admins",
                "Enable MFA for admins",
                "TECHNICAL",
                27,
                null,
                "Turn on multi-factor authentication for every administrator.",
                "Identity",
                "Entra ID",
                "CUSTOMER",
                dims("Action Purpose", "Preventative", "Category", "Identity")),
            new ExchangeAction(
                "write-the-access-policy",
                "Write the access policy",
                "DOCUMENTATION",
                3,
                "=Why it matters",
                policyDescription(),
                "Manage compliance",
                null,
                "PROVIDER",
                dims("Workload", "All")),
            new ExchangeAction(
                "review-access-quarterly",
                "Review access quarterly",
                "OPERATIONAL",
                99,
                "How",
                "x".repeat(20_000),
                "Manage compliance",
                null,
                "CUSTOMER",
                dims("Action Purpose", "Detective", "Workload", "")));
    List<ExchangeControl> controls =
        List.of(
            new ExchangeControl(
                "A.5.15",
                "Organizational controls",
                "Access control",
                "Rules to control access are established.",
                true,
                "PREVENTATIVE",
                List.of("write-the-access-policy", "review-access-quarterly")),
            new ExchangeControl(
                "A.8.5",
                "Technological controls",
                "Secure authentication",
                null,
                true,
                "PREVENTATIVE",
                List.of("enable-mfa-for-admins")),
            new ExchangeControl(
                "A.5.1",
                "Organizational controls",
                "Policies for information security",
                "-1 leading minus",
                true,
                "PREVENTATIVE",
                List.of()));
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("product", "Regulus");
    attributes.put("inScopeServices", "Mail;;Files");
    TemplateHeader header =
        new TemplateHeader(
            "Cloud controls",
            "ISO/IEC 27001:2022",
            null,
            attributes,
            List.of(
                dims("dimensionKey", "Action Purpose", "dimensionValue", "Preventative"),
                dims("dimensionKey", "Action Purpose", "dimensionValue", "Detective"),
                dims("dimensionKey", "Workload", "dimensionValue", "All", "note", "any")));
    return new TemplateContent("cloud", "1", header, actions, controls);
  }

  static Map<String, String> dims(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static byte[] write(TemplateContent content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ComplianceWorkbookWriter().write(content, out);
    return out.toByteArray();
  }

  static RecordingSink read(byte[] workbook) throws IOException {
    RecordingSink sink = new RecordingSink();
    new ComplianceWorkbookReader()
        .read(new ByteArrayInputStream(workbook), ImportOptions.DEFAULTS, sink);
    return sink;
  }

  /** Every tab's cells, row by row, as "text" or a number; blank cells as null. */
  static Map<String, List<List<Object>>> cells(byte[] workbook) throws IOException {
    Map<String, List<List<Object>>> tabs = new LinkedHashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      for (Sheet sheet : book) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : sheet) {
          List<Object> values = new ArrayList<>();
          for (int column = 0; column < row.getLastCellNum(); column++) {
            Cell cell = row.getCell(column);
            values.add(
                cell == null || cell.getCellType() == CellType.BLANK
                    ? null
                    : cell.getCellType() == CellType.NUMERIC
                        ? (Object) cell.getNumericCellValue()
                        : cell.getStringCellValue());
          }
          rows.add(values);
        }
        tabs.put(sheet.getSheetName(), rows);
      }
    }
    return tabs;
  }
}
