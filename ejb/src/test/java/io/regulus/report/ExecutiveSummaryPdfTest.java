package io.regulus.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
      Files.createDirectories(PREVIEW);
      for (int page = 0; page < document.getNumberOfPages(); page++) {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 110);
        ImageIO.write(
            image, "png", PREVIEW.resolve("executive-summary-" + (page + 1) + ".png").toFile());
      }
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
    }
  }

  @Test
  void charactersTheFontLacksShowAsQuestionMarksAndABrokenLogoIsLeftOut() throws IOException {
    TenantReport report = ReportFixture.report("東京 Trading\u0007 Ltd", new byte[] {1, 2, 3, 4});
    try (PDDocument document = Loader.loadPDF(render(report))) {
      assertThat(text(document)).contains("?? Trading Ltd").contains(ReportFixture.FIRM);
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
