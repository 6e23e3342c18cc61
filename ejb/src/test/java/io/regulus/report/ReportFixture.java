package io.regulus.report;

import io.regulus.scoring.ControlStatus;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.Score;
import io.regulus.scoring.TestStatus;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A realistic report: 3 assessments, 10 categories with accented names, 60 days of trend, 15 gaps,
 * a tenant and a category named with 300 characters.
 */
final class ReportFixture {

  static final LocalDate SNAPSHOT = LocalDate.of(2026, 12, 5);
  static final String FIRM = "Conseil Éclair & Associés";
  static final String TENANT = "Bäckerei Müller & Söhne GmbH";
  static final String LONG_NAME = longName();
  static final List<String> CATEGORIES =
      List.of(
          "Sécurité des données",
          "Gestion des identités et des accès",
          "Protección de datos personales",
          "Continuité d'activité",
          "Réponse aux incidents",
          "Gouvernance",
          "Chiffrement",
          "Journalisation et surveillance",
          "Fournisseurs tiers",
          LONG_NAME);
  static final List<String> ASSESSMENTS =
      List.of("ISO/IEC 27001:2022", "RGPD – Règlement général", "NIST SP 800-53 Moderate");

  private ReportFixture() {}

  static TenantReport report(String tenantName, byte[] logo) {
    List<TrendPoint> trend = new ArrayList<>();
    for (int day = 59; day >= 0; day--) {
      trend.add(new TrendPoint(SNAPSHOT.minusDays(day), 48 + (59 - day) * 0.24 + (day % 7) * 0.3));
    }
    List<Breakdown> categories = new ArrayList<>();
    for (int i = 0; i < CATEGORIES.size(); i++) {
      categories.add(new Breakdown(CATEGORIES.get(i), new Score(40 + 11 * i, 100 + 20 * i)));
    }
    List<Breakdown> assessments =
        List.of(
            new Breakdown(ASSESSMENTS.get(0), new Score(512.5, 830)),
            new Breakdown(ASSESSMENTS.get(1), new Score(301, 450)),
            new Breakdown(ASSESSMENTS.get(2), new Score(421, 700)));
    List<Gap> gaps = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      gaps.add(new Gap("Réviser la politique n° " + (i + 1) + " — contrôle d'accès", 27 - i));
    }
    gaps.set(3, new Gap(LONG_NAME, 24));
    return new TenantReport(
        tenantName,
        new Branding(FIRM, logo),
        SNAPSHOT,
        new Score(1234.5, 1980),
        trend,
        categories,
        assessments,
        gaps,
        Map.of(
            ImplementationStatus.IMPLEMENTED, 212,
            ImplementationStatus.PLANNED, 57,
            ImplementationStatus.NOT_IMPLEMENTED, 118),
        17);
  }

  static TenantReport report() {
    return report(TENANT, logo());
  }

  /** {@code count} action lines, made as they are read, as from a cursor. */
  static List<ActionLine> actions(int count) {
    return new AbstractList<>() {
      @Override
      public ActionLine get(int i) {
        return new ActionLine(
            "Action n° " + i + " : vérifier les accès",
            ASSESSMENTS.get(i % 3),
            "AC-" + (i % 25 + 1),
            ImplementationStatus.values()[i % 5],
            TestStatus.values()[i % 4],
            i % 4 == 0 ? null : "Zoë Ångström",
            i % 6,
            i % 27 + 0.5,
            SNAPSHOT.plusDays(i % 40 - 20),
            i % 40 < 20 && i % 5 != 2);
      }

      @Override
      public int size() {
        return count;
      }
    };
  }

  /** {@code count} control lines, made as they are read. */
  static List<ControlLine> controls(int count) {
    return new AbstractList<>() {
      @Override
      public ControlLine get(int i) {
        return new ControlLine(
            ASSESSMENTS.get(i % 3),
            "AC-" + (i + 1),
            i == 1 ? LONG_NAME : "Contrôle d'accès n° " + (i + 1),
            ControlStatus.values()[i % 4],
            new Score(i % 10, 10),
            i % 5 + 1);
      }

      @Override
      public int size() {
        return count;
      }
    };
  }

  static byte[] logo() {
    BufferedImage image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(0x0b, 0x4f, 0x6c));
    graphics.fillRect(0, 0, 240, 80);
    graphics.setColor(new Color(0xf2, 0xb1, 0x34));
    graphics.fillOval(12, 12, 56, 56);
    graphics.setColor(Color.WHITE);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
    graphics.drawString("CÉA", 90, 52);
    graphics.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException cannot) {
      throw new UncheckedIOException(cannot);
    }
    return png.toByteArray();
  }

  private static String longName() {
    StringBuilder name = new StringBuilder("Contrôles périodiques ");
    while (name.length() < 300) {
      name.append("de l'infrastructure réseau élargie ");
    }
    return name.substring(0, 300);
  }
}
