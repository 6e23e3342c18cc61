package io.regulus.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A firm's portfolio report as PDF (A4 landscape): the firm's branding, the snapshot date, and one
 * table of its clients with each one's score, its change over 7 and 30 days in percentage points,
 * its overdue actions and its biggest gap; the table flows onto further pages, its header repeated.
 */
public final class PortfolioReportPdf {

  private PortfolioReportPdf() {}

  /** Writes the report of {@code report}; the stream is left open. */
  public static void write(PortfolioReport report, OutputStream out) throws IOException {
    String footer =
        report.branding().firmName()
            + " \u00b7 portfolio \u00b7 snapshot of "
            + report.snapshotDate();
    try (PdfLayout pdf =
        new PdfLayout(
            new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()),
            "Portfolio report of " + report.branding().firmName() + ", " + report.snapshotDate(),
            footer)) {
      pdf.branding(report.branding());
      pdf.paragraph("Portfolio report", 20, true, 0);
      pdf.paragraph(
          report.clients().size()
              + " clients \u00b7 figures from the snapshots of "
              + report.snapshotDate(),
          10,
          false,
          0.4f);
      pdf.gap(8);
      float fixed = 55 + 95 + 50 + 55 + 55 + 65;
      float rest = pdf.width() - fixed;
      List<PdfLayout.Column> columns =
          List.of(
              new PdfLayout.Column("Client", rest / 2, false, 3),
              new PdfLayout.Column("Score", 55, true),
              new PdfLayout.Column("Points", 95, true),
              new PdfLayout.Column("7 days", 50, true),
              new PdfLayout.Column("30 days", 55, true),
              new PdfLayout.Column("Overdue", 55, true),
              new PdfLayout.Column("Biggest gap", rest / 2, false, 3),
              new PdfLayout.Column("Gap points", 65, true));
      pdf.table(
          columns,
          report.clients().stream()
              .map(
                  client ->
                      List.of(
                          client.tenantName(),
                          Figures.percent(client.score()),
                          Figures.points(client.score().achieved())
                              + " / "
                              + Figures.points(client.score().possible()),
                          Figures.change(client.change7()),
                          Figures.change(client.change30()),
                          String.valueOf(client.overdueActions()),
                          client.biggestGap() == null ? "" : client.biggestGap().actionTitle(),
                          client.biggestGap() == null
                              ? ""
                              : Figures.points(client.biggestGap().pointsMissing())))
              .toList());
      pdf.write(out);
    }
  }
}
