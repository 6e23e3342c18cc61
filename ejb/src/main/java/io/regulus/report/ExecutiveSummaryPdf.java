package io.regulus.report;

import io.regulus.scoring.ImplementationStatus;
import io.regulus.spreadsheet.EnumLabels;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A tenant's executive summary as PDF (A4): the firm's branding (its logo when it has one, and its
 * name), the tenant, the snapshot date the figures are from, the score with its trend chart, the
 * counts of actions by status and the overdue ones, then tables of the score by category and by
 * assessment and of the top gaps with the points they would add. Long names are wrapped (the
 * tenant's whole, a table cell onto two lines, then cut with an ellipsis); tables flow onto further
 * pages, their header repeated.
 */
public final class ExecutiveSummaryPdf {

  private ExecutiveSummaryPdf() {}

  /** Writes the summary of {@code report}; the stream is left open. */
  public static void write(TenantReport report, OutputStream out) throws IOException {
    String footer =
        report.branding().firmName()
            + " \u00b7 "
            + report.tenantName()
            + " \u00b7 snapshot of "
            + report.snapshotDate();
    String title = "Executive summary of " + report.tenantName() + ", " + report.snapshotDate();
    try (PdfLayout pdf = new PdfLayout(PDRectangle.A4, title, footer)) {
      pdf.branding(report.branding());
      pdf.paragraph("Executive summary", 20, true, 0);
      pdf.gap(2);
      pdf.paragraph(report.tenantName(), 14, true, 0.15f);
      pdf.paragraph("Figures from the snapshot of " + report.snapshotDate(), 10, false, 0.4f);
      pdf.gap(10);
      score(pdf, report);
      pdf.gap(8);
      pdf.image(TrendChart.image(report.trend(), (int) pdf.width(), 190), pdf.width());

      List<PdfLayout.Column> breakdown =
          List.of(
              new PdfLayout.Column("Name", pdf.width() - 240, false, 2),
              new PdfLayout.Column("Achieved", 80, true),
              new PdfLayout.Column("Possible", 80, true),
              new PdfLayout.Column("Score", 80, true));
      pdf.heading("Score by category", 45);
      pdf.table(breakdown, rows(report.byCategory()));
      pdf.heading("Score by assessment", 45);
      pdf.table(breakdown, rows(report.byAssessment()));
      pdf.heading("Top gaps", 45);
      List<List<String>> gaps = new ArrayList<>();
      int rank = 0;
      for (Gap gap : report.topGaps()) {
        gaps.add(
            List.of(
                String.valueOf(++rank), gap.actionTitle(), Figures.points(gap.pointsMissing())));
      }
      pdf.table(
          List.of(
              new PdfLayout.Column("#", 30, true),
              new PdfLayout.Column("Action", pdf.width() - 130, false, 2),
              new PdfLayout.Column("Points missing", 100, true)),
          gaps);
      pdf.write(out);
    }
  }

  private static void score(PdfLayout pdf, TenantReport report) throws IOException {
    pdf.ensure(60);
    float top = pdf.y();
    pdf.show(Figures.percent(report.score()), PdfLayout.MARGIN, top - 30, 30, true, 0.12f);
    float x = PdfLayout.MARGIN + 150;
    pdf.show(
        Figures.points(report.score().achieved())
            + " of "
            + Figures.points(report.score().possible())
            + " points achieved",
        x,
        top - 12,
        11,
        false,
        0);
    pdf.show(
        "Overdue actions: " + report.overdueActions(),
        x,
        top - 28,
        11,
        report.overdueActions() > 0,
        0);
    // the counts wrap between entries, never inside one ("Out of scope 0" stays on one line)
    float room = PdfLayout.MARGIN + pdf.width() - x;
    List<String> lines = new ArrayList<>();
    String line = "Actions:";
    for (Map.Entry<ImplementationStatus, Integer> count : report.statusCounts().entrySet()) {
      String entry = EnumLabels.label(count.getKey()) + " " + count.getValue();
      String joined = line.endsWith(":") ? line + " " + entry : line + " \u00b7 " + entry;
      if (pdf.textWidth(joined, 9) > room && !line.endsWith(":")) {
        lines.add(line);
        line = entry;
      } else {
        line = joined;
      }
    }
    lines.add(line);
    float baseline = top - 43;
    for (String each : lines) {
      pdf.show(each, x, baseline, 9, false, 0.3f);
      baseline -= 12;
    }
    pdf.moveTo(Math.min(top - 44, baseline + 4));
  }

  static List<List<String>> rows(List<Breakdown> breakdown) {
    return breakdown.stream()
        .map(
            line ->
                List.of(
                    line.name(),
                    Figures.points(line.score().achieved()),
                    Figures.points(line.score().possible()),
                    Figures.percent(line.score())))
        .toList();
  }
}
