package io.regulus.report;

import io.regulus.scoring.Score;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the reports write numbers, the same in every report: points with thousands separators and at
 * most one decimal, percents with one decimal, changes with their sign.
 */
final class Figures {

  private Figures() {}

  static String points(double points) {
    return format("#,##0.#").format(points);
  }

  static String percent(Score score) {
    return percent(score.ratio() * 100);
  }

  static String percent(double percent) {
    return format("0.0").format(percent) + " %";
  }

  /**
   * A change in percentage points, such as "+2.5", "-0.3", or "0.0" for none at one decimal; "n/a"
   * when unknown.
   */
  static String change(Double points) {
    if (points == null) {
      return "n/a";
    }
    BigDecimal rounded = BigDecimal.valueOf(points).setScale(1, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? "0.0" : format("+0.0;-0.0").format(rounded);
  }

  private static DecimalFormat format(String pattern) {
    DecimalFormat format =
        new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }
}
