package io.regulus.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a file is, from its bytes: every accepted type, the executables it must name, and the text rules. */
class EvidenceTypeDetectorTest {

  @TempDir Path dir;

  @Test
  void aPdfIsRecognisedByItsHeader() throws IOException {
    assertThat(detect("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"))
        .isEqualTo(EvidenceFileType.PDF);
  }

  @Test
  void imagesAreRecognisedByTheirSignatures() throws IOException {
    assertThat(detect(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R')))
        .isEqualTo(EvidenceFileType.PNG);
    assertThat(detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0))).isEqualTo(EvidenceFileType.JPEG);
    assertThat(detect(concat("GIF89a".getBytes(StandardCharsets.US_ASCII), bytes(1, 0, 1, 0, 0x80, 0, 0))))
        .isEqualTo(EvidenceFileType.GIF);
    assertThat(detect(concat("GIF87a".getBytes(StandardCharsets.US_ASCII), bytes(1, 0, 1, 0, 0x80, 0, 0))))
        .isEqualTo(EvidenceFileType.GIF);
    assertThat(detect(concat("RIFF".getBytes(StandardCharsets.US_ASCII), bytes(26, 0, 0, 0),
        "WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), new byte[14]))).isEqualTo(EvidenceFileType.WEBP);
  }

  @Test
  void aRiffThatIsNotWebpIsNotAnImage() throws IOException {
    assertThat(detect(concat("RIFF".getBytes(StandardCharsets.US_ASCII), bytes(26, 0, 0, 0),
        "WAVEfmt ".getBytes(StandardCharsets.US_ASCII), new byte[14]))).isEqualTo(EvidenceFileType.UNKNOWN);
  }

  @Test
  void officeOpenXmlDocumentsAreZipsWithContentTypesAndTheirMainPart() throws IOException {
    assertThat(detect(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml")))
        .isEqualTo(EvidenceFileType.WORD);
    assertThat(detect(zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml")))
        .isEqualTo(EvidenceFileType.EXCEL);
    assertThat(detect(zip("_rels/.rels", "ppt/presentation.xml", "[Content_Types].xml")))
        .isEqualTo(EvidenceFileType.POWERPOINT);
  }

  @Test
  void officeDocumentsWithMacrosAreNamedAsSuch() throws IOException {
    assertThat(detect(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
        .isEqualTo(EvidenceFileType.OFFICE_WITH_MACROS);
    assertThat(detect(zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin")))
        .isEqualTo(EvidenceFileType.OFFICE_WITH_MACROS);
  }

  @Test
  void aZipWithoutOfficeContentIsAZip() throws IOException {
    assertThat(detect(zip("evidence/screenshot.png", "evidence/notes.txt"))).isEqualTo(EvidenceFileType.ZIP);
    // the main part of Word without [Content_Types].xml is not an Office document
    assertThat(detect(zip("word/document.xml"))).isEqualTo(EvidenceFileType.ZIP);
    // an empty archive is only its end record
    assertThat(detect(bytes('P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        .isEqualTo(EvidenceFileType.ZIP);
  }

  @Test
  void aZipThatCannotBeReadIsDamaged() throws IOException {
    byte[] whole = zip("[Content_Types].xml", "word/document.xml");
    assertThat(detect(Arrays.copyOf(whole, whole.length / 2))).isEqualTo(EvidenceFileType.DAMAGED_ZIP);
    assertThat(detect(concat(bytes('P', 'K', 3, 4), "not really a zip".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(EvidenceFileType.DAMAGED_ZIP);
  }

  @Test
  void legacyOfficeDocumentsAreOle2ContainersButInstallersAreNot() throws IOException {
    // {00020906-0000-0000-C000-000000000046}: Word 97-2003
    assertThat(detect(ole2(0x06, 0x09, 0x02, 0x00))).isEqualTo(EvidenceFileType.LEGACY_OFFICE);
    // no class id at all, as many Excel files have
    assertThat(detect(ole2(0, 0, 0, 0))).isEqualTo(EvidenceFileType.LEGACY_OFFICE);
    // {000C1084-0000-0000-C000-000000000046}: a Windows Installer package; {000C1086-...}: a patch
    assertThat(detect(ole2(0x84, 0x10, 0x0C, 0x00))).isEqualTo(EvidenceFileType.WINDOWS_INSTALLER);
    assertThat(detect(ole2(0x86, 0x10, 0x0C, 0x00))).isEqualTo(EvidenceFileType.WINDOWS_INSTALLER);
  }

  @Test
  void executablesAreNamedWhateverTheFileIsCalled() throws IOException {
    byte[] dosHeader = new byte[128];
    dosHeader[0] = 'M';
    dosHeader[1] = 'Z';
    dosHeader[2] = (byte) 0x90;
    dosHeader[0x3C] = (byte) 0x80;
    assertThat(detect(dosHeader)).isEqualTo(EvidenceFileType.WINDOWS_EXECUTABLE);
    assertThat(detect(bytes('M', 'Z'))).isEqualTo(EvidenceFileType.TEXT);
    assertThat(detect(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        .isEqualTo(EvidenceFileType.LINUX_EXECUTABLE);
    for (int[] magic : new int[][] {{0xFE, 0xED, 0xFA, 0xCE}, {0xFE, 0xED, 0xFA, 0xCF}, {0xCE, 0xFA, 0xED, 0xFE},
        {0xCF, 0xFA, 0xED, 0xFE}}) {
      assertThat(detect(concat(bytes(magic), new byte[28]))).isEqualTo(EvidenceFileType.MAC_EXECUTABLE);
    }
    assertThat(detect(bytes(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 61)))
        .isEqualTo(EvidenceFileType.UNIVERSAL_BINARY_OR_JAVA_CLASS);
  }

  @Test
  void aTextThatMerelyBeginsWithMzIsText() throws IOException {
    assertThat(detect("MZ Logistics: supplier review minutes, 2027-01-12\n")).isEqualTo(EvidenceFileType.TEXT);
  }

  @Test
  void textIsValidUtf8WithoutNulBytes() throws IOException {
    assertThat(detect("control;owner;status\nMFA;Jos\u00e9;done \u2713\n")).isEqualTo(EvidenceFileType.TEXT);
    assertThat(detect("\uFEFFwith a byte order mark\n")).isEqualTo(EvidenceFileType.TEXT);
    assertThat(detect(bytes('a', 'b', 0, 'c'))).isEqualTo(EvidenceFileType.UNKNOWN);
    // Latin-1, not UTF-8
    assertThat(detect(bytes('J', 'o', 's', 0xE9, '\n'))).isEqualTo(EvidenceFileType.UNKNOWN);
    // UTF-16 has NUL bytes
    assertThat(detect("hello".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(EvidenceFileType.UNKNOWN);
    // an overlong encoding of '/' and a lone surrogate are not valid UTF-8
    assertThat(detect(bytes('a', 0xC0, 0xAF))).isEqualTo(EvidenceFileType.UNKNOWN);
    assertThat(detect(bytes('a', 0xED, 0xA0, 0x80))).isEqualTo(EvidenceFileType.UNKNOWN);
  }

  @Test
  void aCharacterCutByTheEndOfTheFileIsNotText() throws IOException {
    byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
    assertThat(detect(concat("price: ".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(euro, 2))))
        .isEqualTo(EvidenceFileType.UNKNOWN);
  }

  @Test
  void onlyTheFirst64KibAreCheckedForText() throws IOException {
    // a three-byte character across the 64 KiB mark is fine: it is complete in the file
    byte[] text = new byte[EvidenceTypeDetector.HEAD + 100];
    Arrays.fill(text, (byte) 'x');
    byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(euro, 0, text, EvidenceTypeDetector.HEAD - 1, 3);
    assertThat(detect(text)).isEqualTo(EvidenceFileType.TEXT);
    // a NUL byte after the first 64 KiB is not looked at
    text[EvidenceTypeDetector.HEAD + 50] = 0;
    assertThat(detect(text)).isEqualTo(EvidenceFileType.TEXT);
    // within them it is
    text[100] = 0;
    assertThat(detect(text)).isEqualTo(EvidenceFileType.UNKNOWN);
  }

  @Test
  void anEmptyFileIsEmpty() throws IOException {
    assertThat(detect(new byte[0])).isEqualTo(EvidenceFileType.EMPTY);
  }

  @Test
  void unknownBinaryDataIsUnknown() throws IOException {
    assertThat(detect(bytes(0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3))).isEqualTo(EvidenceFileType.UNKNOWN);
    assertThat(detect(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C))).isEqualTo(EvidenceFileType.UNKNOWN);
  }

  @ParameterizedTest
  @CsvSource({
      "PDF, report.pdf, application/pdf",
      "PDF, REPORT.PDF, application/pdf",
      "WORD, policy.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "EXCEL, risks.XLSX, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "POWERPOINT, board.pptx, application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "LEGACY_OFFICE, old.doc, application/msword",
      "LEGACY_OFFICE, old.xls, application/vnd.ms-excel",
      "LEGACY_OFFICE, old.ppt, application/vnd.ms-powerpoint",
      "JPEG, photo.jpg, image/jpeg",
      "JPEG, photo.jpeg, image/jpeg",
      "TEXT, notes.txt, text/plain; charset=UTF-8",
      "TEXT, users.csv, text/csv; charset=UTF-8",
      "ZIP, bundle.zip, application/zip"})
  void anAcceptedTypeGoesWithItsExtensions(EvidenceFileType type, String fileName, String mediaType) {
    assertThat(type.accepted()).isTrue();
    assertThat(type.mediaTypeFor(fileName)).contains(mediaType);
  }

  @ParameterizedTest
  @CsvSource({
      "PDF, report.docx", "PDF, report", "PDF, report.pdf.exe", "PNG, photo.jpg", "TEXT, report.pdf",
      "WORD, policy.zip", "ZIP, policy.docx", "LEGACY_OFFICE, old.msi"})
  void anExtensionOfAnotherTypeDoesNotFit(EvidenceFileType type, String fileName) {
    assertThat(type.mediaTypeFor(fileName)).isEmpty();
  }

  @Test
  void refusedTypesFitNoName() {
    for (EvidenceFileType type : new EvidenceFileType[] {EvidenceFileType.WINDOWS_EXECUTABLE,
        EvidenceFileType.LINUX_EXECUTABLE, EvidenceFileType.MAC_EXECUTABLE, EvidenceFileType.OFFICE_WITH_MACROS,
        EvidenceFileType.WINDOWS_INSTALLER, EvidenceFileType.UNKNOWN, EvidenceFileType.EMPTY}) {
      assertThat(type.accepted()).as(type.name()).isFalse();
      assertThat(type.mediaTypeFor("x.exe")).isEmpty();
    }
    assertThat(EvidenceFileType.acceptedList()).contains("a PDF document (.pdf)",
        "a legacy Office document (OLE2) (.doc, .xls or .ppt)", "UTF-8 text (.txt or .csv)");
  }

  private EvidenceFileType detect(String text) throws IOException {
    return detect(text.getBytes(StandardCharsets.UTF_8));
  }

  private EvidenceFileType detect(byte[] content) throws IOException {
    Path file = Files.createTempFile(dir, "detect", ".bin");
    Files.write(file, content);
    return EvidenceTypeDetector.detect(file);
  }

  private static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(("<content of " + entry + "/>").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** An OLE2 header with 512-byte sectors and a root directory entry, in sector 0, of the given class id start. */
  private static byte[] ole2(int... classIdStart) {
    ByteBuffer file = ByteBuffer.allocate(1536).order(ByteOrder.LITTLE_ENDIAN);
    file.put(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1));
    file.putShort(0x1A, (short) 3);
    file.putShort(0x1C, (short) 0xFFFE);
    file.putShort(0x1E, (short) 9);
    file.putShort(0x20, (short) 6);
    file.putInt(0x30, 0);
    int root = 512;
    byte[] name = "Root Entry".getBytes(StandardCharsets.UTF_16LE);
    file.put(root, name);
    file.putShort(root + 0x40, (short) (name.length + 2));
    file.put(root + 0x42, (byte) 5);
    byte[] classId = {0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0x46};
    for (int i = 0; i < classIdStart.length; i++) {
      classId[i] = (byte) classIdStart[i];
    }
    if (Arrays.stream(classIdStart).allMatch(b -> b == 0)) {
      classId = new byte[16];
    }
    file.put(root + 0x50, classId);
    return file.array();
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
