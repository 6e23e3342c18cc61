package io.regulus.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells what a file is from its bytes, never from its name or the type the client declared: the signature of each
 * accepted format; for a ZIP, whether it is an Office (OOXML) document and which, by its entries; for an OLE2
 * container, whether it is a Windows Installer package rather than an Office document; and for anything else,
 * whether its first 64 KiB are UTF-8 text without NUL bytes. Executables are recognised by name so a refusal can say
 * what was sent. Pure: it reads the file it is given and nothing else.
 */
public final class EvidenceTypeDetector {

  /** How much of a file the signature and text checks read. */
  static final int HEAD = 64 * 1024;

  private static final byte[] PDF = ascii("%PDF-");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] GIF87 = ascii("GIF87a");
  private static final byte[] GIF89 = ascii("GIF89a");
  private static final byte[] RIFF = ascii("RIFF");
  private static final byte[] WEBP = ascii("WEBP");
  private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
  private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};
  private static final byte[] ELF = {0x7F, 'E', 'L', 'F'};
  private static final byte[][] MACH_O = {
      {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE}, {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF},
      {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}, {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}};
  private static final byte[] CAFEBABE = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};

  private EvidenceTypeDetector() {}

  public static EvidenceFileType detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD);
    }
    EvidenceFileType type = fromHead(head, Files.size(file) <= head.length);
    return switch (type) {
      case ZIP -> zipContents(file);
      case LEGACY_OFFICE -> installerOrOffice(file);
      default -> type;
    };
  }

  /** The type from the first bytes alone; {@code whole} when they are the whole file. */
  static EvidenceFileType fromHead(byte[] head, boolean whole) {
    if (head.length == 0) {
      return EvidenceFileType.EMPTY;
    }
    if (startsWith(head, PDF)) {
      return EvidenceFileType.PDF;
    }
    if (startsWith(head, PNG)) {
      return EvidenceFileType.PNG;
    }
    if (startsWith(head, JPEG)) {
      return EvidenceFileType.JPEG;
    }
    if (startsWith(head, GIF87) || startsWith(head, GIF89)) {
      return EvidenceFileType.GIF;
    }
    if (startsWith(head, RIFF) && head.length >= 12 && regionMatches(head, 8, WEBP)) {
      return EvidenceFileType.WEBP;
    }
    if (startsWith(head, ZIP_ENTRY) || startsWith(head, ZIP_EMPTY)) {
      return EvidenceFileType.ZIP;
    }
    if (startsWith(head, OLE2)) {
      return EvidenceFileType.LEGACY_OFFICE;
    }
    // an MZ header is 64 bytes with NULs in it; a text that merely begins with "MZ" is still text
    if (head.length >= 2 && head[0] == 'M' && head[1] == 'Z' && indexOfNul(head, Math.min(head.length, 64)) >= 0) {
      return EvidenceFileType.WINDOWS_EXECUTABLE;
    }
    if (startsWith(head, ELF)) {
      return EvidenceFileType.LINUX_EXECUTABLE;
    }
    for (byte[] magic : MACH_O) {
      if (startsWith(head, magic)) {
        return EvidenceFileType.MAC_EXECUTABLE;
      }
    }
    if (startsWith(head, CAFEBABE)) {
      return EvidenceFileType.UNIVERSAL_BINARY_OR_JAVA_CLASS;
    }
    return isUtf8Text(head, whole) ? EvidenceFileType.TEXT : EvidenceFileType.UNKNOWN;
  }

  /**
   * Valid UTF-8 without a NUL byte. When {@code head} is only the start of the file, a character cut at its end
   * (at most three bytes of an unfinished sequence) is fine.
   */
  static boolean isUtf8Text(byte[] head, boolean whole) {
    if (indexOfNul(head, head.length) >= 0) {
      return false;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(head);
    if (decoder.decode(in, CharBuffer.allocate(head.length), whole).isError()) {
      return false;
    }
    return whole ? !in.hasRemaining() : in.remaining() < 4;
  }

  /** A ZIP is an Office document when it holds [Content_Types].xml and the main part of Word, Excel or PowerPoint. */
  private static EvidenceFileType zipContents(Path file) throws IOException {
    boolean opc = false;
    boolean macros = false;
    EvidenceFileType office = null;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        String lower = name.toLowerCase(Locale.ROOT);
        opc |= name.equals("[Content_Types].xml");
        macros |= lower.endsWith("vbaproject.bin");
        if (lower.startsWith("word/")) {
          office = EvidenceFileType.WORD;
        } else if (lower.startsWith("xl/")) {
          office = EvidenceFileType.EXCEL;
        } else if (lower.startsWith("ppt/")) {
          office = EvidenceFileType.POWERPOINT;
        }
      }
    } catch (ZipException e) {
      return EvidenceFileType.DAMAGED_ZIP;
    }
    if (!opc || office == null) {
      return EvidenceFileType.ZIP;
    }
    return macros ? EvidenceFileType.OFFICE_WITH_MACROS : office;
  }

  /**
   * Word, Excel and PowerPoint 97-2003 files and Windows Installer packages share the OLE2 container; the installer's
   * root storage has the class id {000C10xx-0000-0000-C000-000000000046} (MSI, MSP, MST).
   */
  private static EvidenceFileType installerOrOffice(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      channel.read(header, 0);
      int sectorShift = header.getShort(0x1E) & 0xFFFF;
      long firstDirectorySector = header.getInt(0x30) & 0xFFFFFFFFL;
      if (sectorShift < 7 || sectorShift > 16) {
        return EvidenceFileType.LEGACY_OFFICE;
      }
      ByteBuffer root = ByteBuffer.allocate(128);
      channel.read(root, (firstDirectorySector + 1) << sectorShift);
      byte[] clsid = new byte[16];
      root.get(0x50, clsid);
      return isInstallerClassId(clsid) ? EvidenceFileType.WINDOWS_INSTALLER : EvidenceFileType.LEGACY_OFFICE;
    }
  }

  /** {000C10xx-0000-0000-C000-000000000046} as stored: the first three fields little-endian. */
  private static boolean isInstallerClassId(byte[] clsid) {
    byte[] expected = {0, 0x10, 0x0C, 0, 0, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x46};
    for (int i = 1; i < expected.length; i++) {
      if (clsid[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfNul(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return regionMatches(bytes, 0, prefix);
  }

  private static boolean regionMatches(byte[] bytes, int offset, byte[] expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (bytes[offset + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
