package io.regulus.spreadsheet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How enums look in a spreadsheet: {@code NOT_IMPLEMENTED} shows as "Not implemented", like
 * Compliance Manager's exports, and any spelling of a constant reads back, whatever its case and
 * whether its words are joined by spaces, '_' or '-' ("Not implemented", "NOT_IMPLEMENTED",
 * "not-implemented").
 */
public final class EnumLabels {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

  private EnumLabels() {}

  public static String label(Enum<?> constant) {
    String words = constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  public static List<String> labels(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(EnumLabels::label).toList();
  }

  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
    String name = SEPARATORS.matcher(text.strip()).replaceAll("_").toUpperCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.name().equals(name))
        .findFirst();
  }
}
