package io.regulus.report;

import io.regulus.scoring.ImplementationStatus;
import io.regulus.spreadsheet.EnumLabels;
import io.regulus.spreadsheet.XlsxBook;
import io.regulus.spreadsheet.XlsxSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A tenant's report as an XLSX workbook, written through the exports' {@link XlsxBook} (streaming:
 * the control and action rows may come straight from a cursor, whatever their number). Sheets:
 * Summary (the score, the overdue actions, the counts by status), Trend, Categories, Assessments,
 * Top gaps, Controls (each control of each assessment with its status, points and number of
 * actions) and Actions (each action instance with its assessment, control, statuses, owner,
 * evidence count, points and due date). Each sheet starts with the snapshot date its figures are
 * from, above its header row. Percents are numbers rounded to one decimal, points as stored.
 */
public final class TenantReportWorkbook {

  static final String SNAPSHOT = "Snapshot date";

  private TenantReportWorkbook() {}

  /** Writes the workbook; the stream is left open. */
  public static void write(
      TenantReport report,
      Iterable<ControlLine> controls,
      Iterable<ActionLine> actions,
      OutputStream out)
      throws IOException {
    try (XlsxBook book = new XlsxBook()) {
      summary(book.sheet("Summary"), report);
      XlsxSheet trend = sheet(book, "Trend", report, List.of("Date", "Score (%)"));
      for (TrendPoint point : report.trend()) {
        row(trend, point.date(), percent(point.percent()));
      }
      breakdown(
          sheet(book, "Categories", report, breakdownHeader("Category")), report.byCategory());
      breakdown(
          sheet(book, "Assessments", report, breakdownHeader("Assessment")), report.byAssessment());
      XlsxSheet gaps = sheet(book, "Top gaps", report, List.of("Rank", "Action", "Points missing"));
      int rank = 0;
      for (Gap gap : report.topGaps()) {
        row(gaps, ++rank, gap.actionTitle(), gap.pointsMissing());
      }
      gaps.minWidth(1, 40);
      XlsxSheet controlSheet =
          sheet(
              book,
              "Controls",
              report,
              List.of(
                  "Assessment",
                  "Control",
                  "Title",
                  "Status",
                  "Points achieved",
                  "Points possible",
                  "Actions"));
      for (ControlLine control : controls) {
        row(
            controlSheet,
            control.assessment(),
            control.control(),
            control.title(),
            control.status(),
            control.score().achieved(),
            control.score().possible(),
            control.actions());
      }
      controlSheet.minWidth(2, 40);
      XlsxSheet lines =
          sheet(
              book,
              "Actions",
              report,
              List.of(
                  "Action",
                  "Assessment",
                  "Control",
                  "Implementation status",
                  "Test status",
                  "Owner",
                  "Evidence",
                  "Points",
                  "Due date",
                  "Overdue"));
      for (ActionLine action : actions) {
        row(
            lines,
            action.title(),
            action.assessment(),
            action.control(),
            action.implementationStatus(),
            action.testStatus(),
            action.owner(),
            action.evidenceCount(),
            action.points(),
            action.dueDate(),
            action.overdue());
      }
      lines.minWidth(0, 40);
      book.write(out);
    }
  }

  private static void summary(XlsxSheet sheet, TenantReport report) {
    sheet.caption(SNAPSHOT, report.snapshotDate());
    sheet.header(List.of("Figure", "Value"), column -> false);
    row(sheet, "Tenant", report.tenantName());
    row(sheet, "Firm", report.branding().firmName());
    row(sheet, "Points achieved", report.score().achieved());
    row(sheet, "Points possible", report.score().possible());
    row(sheet, "Score (%)", percent(report.score().ratio() * 100));
    row(sheet, "Overdue actions", report.overdueActions());
    for (Map.Entry<ImplementationStatus, Integer> count : report.statusCounts().entrySet()) {
      row(sheet, "Actions " + EnumLabels.label(count.getKey()).toLowerCase(), count.getValue());
    }
    sheet.minWidth(0, 28);
  }

  private static XlsxSheet sheet(
      XlsxBook book, String name, TenantReport report, List<String> header) {
    XlsxSheet sheet = book.sheet(name);
    sheet.caption(SNAPSHOT, report.snapshotDate());
    sheet.header(header, column -> false);
    return sheet;
  }

  private static List<String> breakdownHeader(String what) {
    return List.of(what, "Points achieved", "Points possible", "Score (%)");
  }

  private static void breakdown(XlsxSheet sheet, List<Breakdown> lines) {
    for (Breakdown line : lines) {
      row(
          sheet,
          line.name(),
          line.score().achieved(),
          line.score().possible(),
          percent(line.score().ratio() * 100));
    }
    sheet.minWidth(0, 30);
  }

  private static void row(XlsxSheet sheet, Object... values) {
    sheet.startRow();
    for (int column = 0; column < values.length; column++) {
      Object value = values[column];
      sheet.put(column, value, XlsxSheet.Kind.of(value), false);
    }
  }

  private static BigDecimal percent(double percent) {
    return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP);
  }
}
