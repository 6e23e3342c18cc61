package io.regulus.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.mime.MediaType;

/**
 * Tells what a file is from its bytes, never from its name or the type the client declared. Apache
 * Tika's core detector names the format from the first 64 KiB ({@link TikaTypes}); inside a ZIP or
 * an OLE2 container, which it cannot see into, Apache POI tells an Office document from a plain
 * archive, a macro-enabled one, or a Windows Installer package ({@link OfficeContainers}). Anything
 * else is UTF-8 text when its first 64 KiB are valid UTF-8 without NUL bytes: Tika's own text guess
 * accepts any 8-bit encoding, so the encoding is checked here. Executables are named so a refusal
 * can say what was sent. Pure: it reads the file it is given and nothing else.
 */
public final class EvidenceTypeDetector {

  /** How much of a file the format and text checks read. */
  static final int HEAD = 64 * 1024;

  private EvidenceTypeDetector() {}

  public static EvidenceFileType detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD);
    }
    if (head.length == 0) {
      return EvidenceFileType.EMPTY;
    }
    MediaType type = TikaTypes.detect(head);
    if (TikaTypes.isA(type, TikaTypes.ZIP)) {
      return OfficeContainers.zip(file);
    }
    if (TikaTypes.isA(type, TikaTypes.OLE2)) {
      return OfficeContainers.ole2(file);
    }
    boolean whole = Files.size(file) <= head.length;
    return TikaTypes.evidenceType(type)
        .filter(named -> !isTextStartingWithMz(type, head))
        .orElseGet(
            () -> isUtf8Text(head, whole) ? EvidenceFileType.TEXT : EvidenceFileType.UNKNOWN);
  }

  /**
   * Tika takes any file that starts with "MZ" for a DOS or Windows executable; a real MZ header is
   * 64 bytes with NULs in it, so a text that merely begins with "MZ" is still text.
   */
  private static boolean isTextStartingWithMz(MediaType type, byte[] head) {
    if (!TikaTypes.isA(type, TikaTypes.MZ)) {
      return false;
    }
    for (int i = 0; i < Math.min(head.length, 64); i++) {
      if (head[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Valid UTF-8 without a NUL byte. When {@code head} is only the start of the file, a character
   * cut at its end (at most three bytes of an unfinished sequence) is fine.
   */
  static boolean isUtf8Text(byte[] head, boolean whole) {
    for (byte b : head) {
      if (b == 0) {
        return false;
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(head);
    if (decoder.decode(in, CharBuffer.allocate(head.length), whole).isError()) {
      return false;
    }
    return whole ? !in.hasRemaining() : in.remaining() < 4;
  }
}
