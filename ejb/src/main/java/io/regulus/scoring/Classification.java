package io.regulus.scoring;

import java.util.Locale;

/**
 * A control's classification, which gives an action written for it its default points: preventative
 * mandatory 27, preventative discretionary 9, detective or corrective mandatory 3, detective or
 * corrective discretionary 1.
 */
public record Classification(Nature nature, boolean mandatory) {

  /** The control's nature. */
  public enum Nature {
    PREVENTATIVE,
    DETECTIVE,
    CORRECTIVE
  }

  public int points() {
    return switch (nature) {
      case PREVENTATIVE -> mandatory ? 27 : 9;
      case DETECTIVE, CORRECTIVE -> mandatory ? 3 : 1;
    };
  }

  /** {@code preventative-mandatory}, {@code detective-discretionary}, ... */
  public static Classification parse(String value) {
    String[] parts = value.toLowerCase(Locale.ROOT).split("-");
    if (parts.length != 2 || !(parts[1].equals("mandatory") || parts[1].equals("discretionary"))) {
      throw new IllegalArgumentException(
          "a classification is <nature>-<mandatory|discretionary>, not " + value);
    }
    return new Classification(
        Nature.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1].equals("mandatory"));
  }
}
