package io.regulus.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.scoring.Score;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ExecutiveSummaryPdfTest {

  static final Path PREVIEW = Path.of("target", "report-preview");

  @Test
  void summaryHoldsTheTenantsFiguresTheSnapshotDateAndTheFirm() throws IOException {
    byte[] pdf = render(ReportFixture.report());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = text(document);
      assertThat(text)
          .contains(ReportFixture.FIRM)
          .contains(ReportFixture.TENANT)
          .contains("snapshot of 2026-12-05")
          .contains("62.3 %")
          .contains("1,234.5 of 1,980 points achieved")
          .contains("Overdue actions: 17")
          .contains("Implemented 212")
          .contains("Planned 57")
          .contains("Not implemented 118")
          .contains("Sécurité des données 40 100 40.0 %")
          .contains("Protección de datos personales 62 140 44.3 %")
          .contains("ISO/IEC 27001:2022 512.5 830 61.7 %")
          .contains("RGPD – Règlement général 301 450 66.9 %")
          .contains("1 Réviser la politique n° 1 — contrôle d'accès 27")
          .contains("15 Réviser la politique n° 15 — contrôle d'accès 13");
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Executive summary of " + ReportFixture.TENANT + ", 2026-12-05");
      preview(document, "executive-summary");
    }
  }

  @Test
  void aLongTenantNameWrapsWholeAndLongCellsEndInAnEllipsis() throws IOException {
    try (PDDocument document =
        Loader.loadPDF(render(ReportFixture.report(ReportFixture.LONG_NAME, null)))) {
      String text = text(document).replaceAll("\\s+", " ");
      assertThat(text).contains(ReportFixture.LONG_NAME.strip());
      assertThat(text).contains("Contrôles périodiques de l'infrastructure");
      assertThat(text).contains("\u2026");
      preview(document, "executive-summary-long-name");
    }
  }

  @Test
  void aNewTenantWithoutHistoryGapsOrPointsStillGetsItsSummary() throws IOException {
    TenantReport empty =
        new TenantReport(
            "Nouveau client",
            new Branding(ReportFixture.FIRM, null),
            ReportFixture.SNAPSHOT,
            new Score(0, 0),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            0);
    try (PDDocument document = Loader.loadPDF(render(empty))) {
      assertThat(text(document))
          .contains("Nouveau client")
          .contains("snapshot of 2026-12-05")
          .contains("0.0 %")
          .contains("0 of 0 points achieved")
          .contains("Not implemented 0")
          .contains("None");
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      preview(document, "executive-summary-empty");
    }
  }

  @Test
  void charactersTheFontLacksShowAsQuestionMarksAndABrokenLogoIsLeftOut() throws IOException {
    TenantReport report = ReportFixture.report("東京 Trading\u0007 Ltd", new byte[] {1, 2, 3, 4});
    try (PDDocument document = Loader.loadPDF(render(report))) {
      assertThat(text(document)).contains("?? Trading Ltd").contains(ReportFixture.FIRM);
    }
  }

  /** Every page as PNG, to look at: target/report-preview/{name}-{page}.png. */
  static void preview(PDDocument document, String name) throws IOException {
    Files.createDirectories(PREVIEW);
    for (int page = 0; page < document.getNumberOfPages(); page++) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 110);
      ImageIO.write(image, "png", PREVIEW.resolve(name + "-" + (page + 1) + ".png").toFile());
    }
  }

  static byte[] render(TenantReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExecutiveSummaryPdf.write(report, out);
    return out.toByteArray();
  }

  static String text(PDDocument document) throws IOException {
    return new PDFTextStripper().getText(document);
  }
}
