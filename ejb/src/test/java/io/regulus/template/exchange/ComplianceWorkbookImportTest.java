package io.regulus.template.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A workbook as Compliance Manager's users make them, in Excel: columns in their own order and
 * case, {@code ;;} lists with spaces, numbers as numbers, dimension columns, a Dimensions tab.
 */
class ComplianceWorkbookImportTest {

  @Test
  void aWorkbookInComplianceManagersLayoutImports() throws IOException {
    Map<String, List<List<Object>>> tabs = new LinkedHashMap<>();
    tabs.put(
        "Template",
        List.of(
            List.of("Title", "Product", "Certification", "InScopeServices"),
            List.of("Data protection baseline", "Microsoft 365", "GDPR", "Exchange;;SharePoint")));
    tabs.put(
        "ControlFamily",
        List.of(
            List.of(
                "controlName",
                "controlFamily",
                "controlTitle",
                "controlActionTitle",
                "controlDescription"),
            List.of(
                "Art. 32(1)",
                "Security of processing",
                "Appropriate technical measures",
                "Encrypt data at rest ;; Use MFA for admins;;",
                "The controller shall implement appropriate measures."),
            List.of(
                "Art. 30", "Records", "Records of processing", "Keep a processing record", "")));
    tabs.put(
        "Actions",
        List.of(
            List.of(
                "actionTitle",
                "implementationType",
                "actionScore",
                "dimension-Category",
                "actionDescriptionTitle",
                "actionDescription",
                "dimension-Action Purpose",
                "dimension-Responsibility",
                "dimension-Solution"),
            List.of(
                "Encrypt data at rest",
                "technical",
                27,
                "Protect information",
                "Why",
                "Turn on encryption at rest for every store.",
                "Preventative",
                "Provider",
                "Purview"),
            List.of(
                "Use MFA for admins",
                "TECHNICAL",
                "9",
                "",
                "",
                "Require MFA.",
                "Preventative",
                "",
                ""),
            List.of(
                "Keep a processing record",
                "Documentation",
                1.0,
                "",
                "",
                "",
                "Detective",
                "",
                "")));
    tabs.put(
        "Dimensions",
        List.of(
            List.of("dimensionKey", "dimensionValue"),
            List.of("Action Purpose", "Preventative"),
            List.of("Action Purpose", "Detective")));
    ImportOptions options =
        new ImportOptions(
            "", false, "DETECTIVE", "OPERATIONAL", "Governance", "CUSTOMER", Map.of());

    RecordingSink sink = new RecordingSink();
    new ComplianceWorkbookReader()
        .read(new java.io.ByteArrayInputStream(workbook(tabs)), options, sink);

    assertThat(sink.problems).isEmpty();
    assertThat(sink.headers)
        .singleElement()
        .satisfies(
            header -> {
              assertThat(header.title()).isEqualTo("Data protection baseline");
              assertThat(header.regulation()).isEqualTo("GDPR");
              assertThat(header.attributes())
                  .containsExactly(
                      Map.entry("product", "Microsoft 365"),
                      Map.entry("certification", "GDPR"),
                      Map.entry("inScopeServices", "Exchange;;SharePoint"));
              assertThat(header.dimensions())
                  .containsExactly(
                      Map.of("dimensionKey", "Action Purpose", "dimensionValue", "Preventative"),
                      Map.of("dimensionKey", "Action Purpose", "dimensionValue", "Detective"));
            });
    assertThat(sink.actions)
        .extracting(
            ExchangeAction::key,
            ExchangeAction::title,
            ExchangeAction::type,
            ExchangeAction::points,
            ExchangeAction::category,
            ExchangeAction::solution,
            ExchangeAction::managedBy)
        .containsExactly(
            tuple(
                "encrypt-data-at-rest",
                "Encrypt data at rest",
                "TECHNICAL",
                27,
                "Protect information",
                "Purview",
                "PROVIDER"),
            tuple(
                "use-mfa-for-admins",
                "Use MFA for admins",
                "TECHNICAL",
                9,
                "Governance",
                null,
                "CUSTOMER"),
            tuple(
                "keep-a-processing-record",
                "Keep a processing record",
                "DOCUMENTATION",
                1,
                "Governance",
                null,
                "CUSTOMER"));
    ExchangeAction encrypt = sink.actions.get(0);
    assertThat(encrypt.descriptionTitle()).isEqualTo("Why");
    assertThat(encrypt.description()).isEqualTo("Turn on encryption at rest for every store.");
    assertThat(encrypt.dimensions())
        .containsExactly(
            Map.entry("Category", "Protect information"),
            Map.entry("Action Purpose", "Preventative"),
            Map.entry("Responsibility", "Provider"),
            Map.entry("Solution", "Purview"));
    assertThat(sink.actions.get(2).description()).isNull();
    assertThat(sink.controls)
        .extracting(
            ExchangeControl::id,
            ExchangeControl::family,
            ExchangeControl::title,
            ExchangeControl::description,
            ExchangeControl::mandatory,
            ExchangeControl::nature,
            ExchangeControl::actionKeys)
        .containsExactly(
            tuple(
                "Art. 32(1)",
                "Security of processing",
                "Appropriate technical measures",
                "The controller shall implement appropriate measures.",
                false,
                "DETECTIVE",
                List.of("encrypt-data-at-rest", "use-mfa-for-admins")),
            tuple(
                "Art. 30",
                "Records",
                "Records of processing",
                null,
                false,
                "DETECTIVE",
                List.of("keep-a-processing-record")));

    // into a tenant's private templates, the same workbook gives the tenant's own keys
    RecordingSink tenants = new RecordingSink();
    new ComplianceWorkbookReader()
        .read(
            new java.io.ByteArrayInputStream(workbook(tabs)),
            options.inNamespace(ActionKeys.TENANT),
            tenants);
    assertThat(tenants.problems).isEmpty();
    assertThat(tenants.actions)
        .extracting(ExchangeAction::key)
        .containsExactly(
            "tenant:encrypt-data-at-rest",
            "tenant:use-mfa-for-admins",
            "tenant:keep-a-processing-record");
    assertThat(tenants.controls.get(0).actionKeys())
        .containsExactly("tenant:encrypt-data-at-rest", "tenant:use-mfa-for-admins");
  }

  /**
   * A workbook made with POI's usermodel, as Excel saves one: text in shared strings, numbers as
   * numbers, an empty string as no cell.
   */
  static byte[] workbook(Map<String, List<List<Object>>> tabs) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      tabs.forEach(
          (name, rows) -> {
            Sheet sheet = book.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
              Row row = sheet.createRow(r);
              List<Object> values = rows.get(r);
              for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value instanceof Number number) {
                  row.createCell(c).setCellValue(number.doubleValue());
                } else if (value instanceof FormulaError error) {
                  row.createCell(c).setCellErrorValue(error.getCode());
                } else if (value != null && !value.toString().isEmpty()) {
                  row.createCell(c).setCellValue(value.toString());
                }
              }
            }
          });
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }
}
