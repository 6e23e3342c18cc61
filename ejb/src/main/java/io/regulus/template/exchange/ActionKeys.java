package io.regulus.template.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Action keys: {@code [namespace:]name}, the name lower-case letters and digits joined by '-', the
 * whole at most {@link #MAX} characters. The library's actions have plain names (no namespace); a
 * tenant's own actions are {@code tenant:name}, so that a new library version can never take a key
 * a tenant uses, nor a tenant's action stand in for the library's.
 *
 * <p>Keys for files that name actions by title or by control id are derived here: the same title
 * always gives the same key, so the same action in two files (or two versions) is one action.
 */
public final class ActionKeys {

  public static final int MAX = 80;

  /** The namespace of a tenant's own actions. */
  public static final String TENANT = "tenant";

  /** A key's name (and a namespace's): lower-case words and digits joined by '-'. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** A whole key: a name, after a namespace and ':' or none. */
  public static final Pattern KEY =
      Pattern.compile("([a-z0-9]+(-[a-z0-9]+)*:)?[a-z0-9]+(-[a-z0-9]+)*");

  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");
  private static final Pattern ENDS = Pattern.compile("(^-+)|(-+$)");

  private ActionKeys() {}

  /** "Enable MFA for admins (all)" gives "enable-mfa-for-admins-all". */
  public static String fromTitle(String title) {
    return fromTitle("", title);
  }

  /**
   * The key of a title in {@code namespace} ("" for none): "tenant" and "Enable MFA" give
   * "tenant:enable-mfa"; the whole key within {@link #MAX}.
   */
  public static String fromTitle(String namespace, String title) {
    String prefix = namespace == null || namespace.isEmpty() ? "" : namespace + ":";
    int max = MAX - prefix.length();
    String plain =
        MARKS
            .matcher(Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    plain = ENDS.matcher(OTHERS.matcher(plain).replaceAll("-")).replaceAll("");
    if (plain.isEmpty()) {
      plain = "action";
    }
    if (plain.length() <= max) {
      return prefix + plain;
    }
    // long titles keep their start and a digest of the whole, so two long titles never meet
    String digest = HexFormat.of().formatHex(sha256(plain)).substring(0, 10);
    String start = plain.substring(0, max - digest.length() - 1).replaceAll("-+$", "");
    return prefix + start + "-" + digest;
  }

  /** A key for the action of its own that a control gets: prefix and control id. */
  public static String forControl(String prefix, String controlId) {
    return forControl("", prefix, controlId);
  }

  /** A key in {@code namespace} for the action of its own that a control gets. */
  public static String forControl(String namespace, String prefix, String controlId) {
    String joined = prefix == null || prefix.isBlank() ? controlId : prefix + " " + controlId;
    return fromTitle(namespace, joined);
  }

  /** Whether {@code key} is a whole key: well formed and within {@link #MAX}. */
  public static boolean valid(String key) {
    return key != null && key.length() <= MAX && KEY.matcher(key).matches();
  }

  /** The namespace of a key, "" for a library key (a plain name). */
  public static String namespace(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? "" : key.substring(0, colon);
  }

  /** The key {@code name} takes in {@code namespace}: "tenant" and "x" give "tenant:x". */
  public static String in(String namespace, String name) {
    return namespace.isEmpty() ? name : namespace + ":" + name;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
