package io.regulus.text;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Text that people read: names, titles, descriptions, notes, file names. A reader must see what the
 * text is, so it may not hold characters that change how it reads without being seen: bidirectional
 * controls (U+202E RIGHT-TO-LEFT OVERRIDE turns {@code invoice‮fdp.exe} into "invoiceexe.pdf"),
 * other invisible format characters (zero-width spaces, word joiners, the byte order mark, soft
 * hyphens: Unicode category Cf) and control characters. The zero-width joiner and non-joiner stay
 * allowed: Persian, Indic scripts and emoji sequences need them and they change no order. Names and
 * text a person typed are refused, naming the character and where it is, so the person fixes it
 * knowingly; file names, which come from someone's file system, are cleaned.
 */
public final class ReadableText {

  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private ReadableText() {}

  /**
   * A one-line text (a name, a title) stripped of surrounding blanks; null or blank gives null.
   *
   * @throws DomainException (invalid input, naming {@code field}) when it holds an unreadable
   *     character or a line break
   */
  public static String line(String field, String value) {
    return checked(field, value, false);
  }

  /**
   * A text of one or more lines (a description, notes): like {@link #line} but line breaks and tabs
   * are allowed.
   */
  public static String paragraphs(String field, String value) {
    return checked(field, value, true);
  }

  /**
   * A file name as a person will read it: its last path segment (after any '/' or '\\'), without
   * unreadable characters and surrounding blanks; null when nothing is left.
   */
  public static String fileName(String value) {
    if (value == null) {
      return null;
    }
    String base = value.substring(Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder(base.length());
    base.codePoints().filter(c -> !unreadable(c, false)).forEach(kept::appendCodePoint);
    String cleaned = kept.toString().strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  /** Whether a reader could be misled by this character (line breaks allowed or not). */
  static boolean unreadable(int codePoint, boolean breaksAllowed) {
    if (codePoint == ZERO_WIDTH_NON_JOINER || codePoint == ZERO_WIDTH_JOINER) {
      return false;
    }
    if (breaksAllowed && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t')) {
      return false;
    }
    int type = Character.getType(codePoint);
    return type == Character.FORMAT
        || type == Character.CONTROL
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE;
  }

  /**
   * What is wrong with this text for a reader, as a rule to show beside its field; empty when
   * nothing is.
   *
   * @param breaksAllowed whether it may hold line breaks and tabs (descriptions, notes)
   */
  public static Optional<String> fault(String value, boolean breaksAllowed) {
    if (value == null) {
      return Optional.empty();
    }
    int position = 0;
    for (int offset = 0; offset < value.length(); ) {
      int c = value.codePointAt(offset);
      position++;
      if (unreadable(c, breaksAllowed)) {
        return Optional.of(describe(c, position));
      }
      offset += Character.charCount(c);
    }
    return Optional.empty();
  }

  private static String checked(String field, String value, boolean breaksAllowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    fault(value, breaksAllowed)
        .ifPresent(
            rule -> {
              throw new DomainException(ProblemKind.INVALID_INPUT, field + " " + rule, field);
            });
    return value.strip();
  }

  private static String describe(int codePoint, int position) {
    String name = Character.getName(codePoint);
    String what = String.format(Locale.ROOT, "U+%04X%s", codePoint, name == null ? "" : " " + name);
    String kind =
        switch (Character.getType(codePoint)) {
          case Character.FORMAT -> "an invisible formatting character";
          case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
              codePoint == '\n' || codePoint == '\r'
                  ? "a line break, which a name cannot hold"
                  : "a control character";
          default -> "a character that is not a valid letter or sign";
        };
    return "holds "
        + kind
        + " ("
        + what
        + ", character "
        + position
        + "): such characters can make text read differently from what it is. Remove it and"
        + " send the text again.";
  }
}
