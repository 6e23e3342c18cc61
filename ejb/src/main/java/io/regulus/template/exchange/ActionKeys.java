package io.regulus.template.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable action keys for files that name actions by title or by control id: lower-case letters and
 * digits joined by '-', at most {@link #MAX} characters. The same title always gives the same key,
 * so the same action in two files (or two versions) is one action.
 */
public final class ActionKeys {

  public static final int MAX = 80;
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
  private static final java.util.regex.Pattern OTHERS =
      java.util.regex.Pattern.compile("[^a-z0-9]+");
  private static final java.util.regex.Pattern ENDS =
      java.util.regex.Pattern.compile("(^-+)|(-+$)");

  private ActionKeys() {}

  /** "Enable MFA for admins (all)" gives "enable-mfa-for-admins-all". */
  public static String fromTitle(String title) {
    String plain =
        MARKS
            .matcher(Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    plain = ENDS.matcher(OTHERS.matcher(plain).replaceAll("-")).replaceAll("");
    if (plain.isEmpty()) {
      plain = "action";
    }
    if (plain.length() <= MAX) {
      return plain;
    }
    // long titles keep their start and a digest of the whole, so two long titles never meet
    String digest = HexFormat.of().formatHex(sha256(plain)).substring(0, 10);
    String start = plain.substring(0, MAX - digest.length() - 1).replaceAll("-+$", "");
    return start + "-" + digest;
  }

  /** A key for the action of its own that a control gets: prefix and control id. */
  public static String forControl(String prefix, String controlId) {
    String joined = prefix == null || prefix.isBlank() ? controlId : prefix + " " + controlId;
    return fromTitle(joined);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
