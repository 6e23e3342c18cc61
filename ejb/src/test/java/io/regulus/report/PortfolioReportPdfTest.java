package io.regulus.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.scoring.Score;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PortfolioReportPdfTest {

  @Test
  void portfolioListsEveryClientWithItsFiguresOverSeveralPages() throws IOException {
    List<PortfolioReport.Client> clients = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      clients.add(
          new PortfolioReport.Client(
              "Client n° " + i + " — Société Générale de Façades",
              new Score(300 + i, 1000),
              i % 3 == 0 ? null : (i - 30) / 10.0,
              (i % 7) - 3.0,
              i % 9,
              i % 5 == 0
                  ? null
                  : new Gap("Chiffrer les sauvegardes hors site n° " + i, 30 - i % 20)));
    }
    clients.set(
        1,
        new PortfolioReport.Client(
            ReportFixture.LONG_NAME,
            new Score(1234.5, 1980),
            2.5,
            -1.25,
            17,
            new Gap(ReportFixture.LONG_NAME, 24)));
    PortfolioReport report =
        new PortfolioReport(
            new Branding(ReportFixture.FIRM, ReportFixture.logo()),
            ReportFixture.SNAPSHOT,
            clients);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PortfolioReportPdf.write(report, out);

    try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
      String text = ExecutiveSummaryPdfTest.text(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(ReportFixture.FIRM)
          .contains("60 clients")
          .contains("snapshots of 2026-12-05")
          .contains(
              "Client n° 0 — Société Générale de Façades 30.0 % 300 / 1,000 n/a -3.0 0 Contrôles")
          .contains(
              "Client n° 4 — Société Générale de Façades 30.4 % 304 / 1,000 -2.6 +1.0 4"
                  + " Chiffrer les sauvegardes hors site n° 4 26")
          .contains("Client n° 59 — Société Générale de Façades 35.9 % 359 / 1,000 +2.9 0.0 5")
          .contains("62.3 % 1,234.5 / 1,980 +2.5 -1.3 17")
          .contains("\u2026");
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(
              text.split("Client Score Points 7 days 30 days Overdue Biggest gap Gap points", -1))
          .as("the table's header on every page")
          .hasSize(document.getNumberOfPages() + 1);
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Portfolio report of " + ReportFixture.FIRM + ", 2026-12-05");
      ExecutiveSummaryPdfTest.preview(document, "portfolio");
    }
  }
}
