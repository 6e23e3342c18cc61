package io.regulus.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a file is, from its bytes (Tika, and POI inside ZIP and OLE2 containers): every accepted
 * type, the executables and containers it must name, and the text rules.
 */
class EvidenceTypeDetectorTest {

  private static final String WORDPROCESSING =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  private static final String SPREADSHEET =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.";
  private static final String PRESENTATION =
      "application/vnd.openxmlformats-officedocument.presentationml.";

  @TempDir Path dir;

  @Test
  void aPdfIsRecognisedByItsHeader() throws IOException {
    assertThat(detect("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"))
        .isEqualTo(EvidenceFileType.PDF);
  }

  @Test
  void imagesAreRecognisedByTheirSignatures() throws IOException {
    assertThat(
            detect(
                bytes(
                    0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R')))
        .isEqualTo(EvidenceFileType.PNG);
    assertThat(detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0)))
        .isEqualTo(EvidenceFileType.JPEG);
    assertThat(
            detect(
                concat(
                    "GIF89a".getBytes(StandardCharsets.US_ASCII), bytes(1, 0, 1, 0, 0x80, 0, 0))))
        .isEqualTo(EvidenceFileType.GIF);
    assertThat(
            detect(
                concat(
                    "GIF87a".getBytes(StandardCharsets.US_ASCII), bytes(1, 0, 1, 0, 0x80, 0, 0))))
        .isEqualTo(EvidenceFileType.GIF);
    assertThat(
            detect(
                concat(
                    "RIFF".getBytes(StandardCharsets.US_ASCII),
                    bytes(26, 0, 0, 0),
                    "WEBPVP8 ".getBytes(StandardCharsets.US_ASCII),
                    new byte[14])))
        .isEqualTo(EvidenceFileType.WEBP);
  }

  @Test
  void aRiffThatIsNotWebpIsNotAnImage() throws IOException {
    assertThat(
            detect(
                concat(
                    "RIFF".getBytes(StandardCharsets.US_ASCII),
                    bytes(26, 0, 0, 0),
                    "WAVEfmt ".getBytes(StandardCharsets.US_ASCII),
                    new byte[14])))
        .isEqualTo(EvidenceFileType.UNKNOWN);
  }

  @Test
  void officeOpenXmlDocumentsAreNamedByTheContentTypeOfTheirMainPart() throws IOException {
    assertThat(
            detect(
                office(
                    "word/document.xml", WORDPROCESSING + "document.main+xml", "word/styles.xml")))
        .isEqualTo(EvidenceFileType.WORD);
    assertThat(
            detect(
                office(
                    "xl/workbook.xml", SPREADSHEET + "sheet.main+xml", "xl/worksheets/sheet1.xml")))
        .isEqualTo(EvidenceFileType.EXCEL);
    assertThat(detect(office("ppt/presentation.xml", PRESENTATION + "presentation.main+xml")))
        .isEqualTo(EvidenceFileType.POWERPOINT);
    // templates and slide shows are of the same family
    assertThat(detect(office("word/document.xml", WORDPROCESSING + "template.main+xml")))
        .isEqualTo(EvidenceFileType.WORD);
    assertThat(detect(office("ppt/presentation.xml", PRESENTATION + "slideshow.main+xml")))
        .isEqualTo(EvidenceFileType.POWERPOINT);
    // POI's zip-bomb guard reads a package of at most 1,000 entries: a larger one is judged a plain
    // ZIP
    assertThat(
            detect(
                office("ppt/presentation.xml", PRESENTATION + "presentation.main+xml", media(990))))
        .isEqualTo(EvidenceFileType.POWERPOINT);
    assertThat(
            detect(
                office(
                    "ppt/presentation.xml", PRESENTATION + "presentation.main+xml", media(1500))))
        .isEqualTo(EvidenceFileType.ZIP);
    // the part's name does not matter, its content type does
    assertThat(detect(office("content/main.xml", SPREADSHEET + "sheet.main+xml")))
        .isEqualTo(EvidenceFileType.EXCEL);
  }

  @Test
  void documentsWrittenByOfficeLibrariesAreRecognised() throws IOException {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText("MFA policy");
      document.write(docx);
    }
    assertThat(detect(docx.toByteArray())).isEqualTo(EvidenceFileType.WORD);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      workbook.createSheet("Risks").createRow(0).createCell(0).setCellValue("MFA");
      workbook.write(xlsx);
    }
    assertThat(detect(xlsx.toByteArray())).isEqualTo(EvidenceFileType.EXCEL);
  }

  @Test
  void officeDocumentsWithMacrosAreNamedAsSuch() throws IOException {
    assertThat(
            detect(
                office(
                    "word/document.xml",
                    "application/vnd.ms-word.document.macroEnabled.main+xml",
                    "word/vbaProject.bin")))
        .isEqualTo(EvidenceFileType.OFFICE_WITH_MACROS);
    assertThat(
            detect(
                office(
                    "xl/workbook.xml",
                    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                    "xl/vbaProject.bin")))
        .isEqualTo(EvidenceFileType.OFFICE_WITH_MACROS);
    // a macro-enabled main part without its project yet, or a project hidden in a document that
    // claims to have none
    assertThat(
            detect(
                office(
                    "ppt/presentation.xml",
                    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml")))
        .isEqualTo(EvidenceFileType.OFFICE_WITH_MACROS);
    assertThat(
            detect(
                office(
                    "word/document.xml",
                    WORDPROCESSING + "document.main+xml",
                    "word/vbaProject.bin")))
        .isEqualTo(EvidenceFileType.OFFICE_WITH_MACROS);
  }

  @Test
  void aZipWithoutOfficeContentIsAZip() throws IOException {
    assertThat(detect(zip("evidence/screenshot.png", "evidence/notes.txt")))
        .isEqualTo(EvidenceFileType.ZIP);
    // the main part of Word without [Content_Types].xml is not an Office document
    assertThat(detect(zip("word/document.xml"))).isEqualTo(EvidenceFileType.ZIP);
    // nor are entries with Office's names but no valid content types: POI reads the package, not
    // the names
    assertThat(detect(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")))
        .isEqualTo(EvidenceFileType.ZIP);
    // nor a package of another kind (here XPS)
    assertThat(
            detect(
                office(
                    "Documents/1/FixedDocument.fdoc",
                    "application/vnd.ms-package.xps-fixeddocument+xml")))
        .isEqualTo(EvidenceFileType.ZIP);
    // an empty archive is only its end record
    assertThat(detect(bytes('P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        .isEqualTo(EvidenceFileType.ZIP);
    // more entries than POI's zip-bomb guard lets a package have is still a good ZIP
    String[] many = new String[1500];
    for (int i = 0; i < many.length; i++) {
      many[i] = "scans/page-" + i + ".png";
    }
    assertThat(detect(zip(many))).isEqualTo(EvidenceFileType.ZIP);
  }

  @Test
  void aZipThatCannotBeReadIsDamaged() throws IOException {
    byte[] whole = zip("[Content_Types].xml", "word/document.xml");
    assertThat(detect(Arrays.copyOf(whole, whole.length / 2)))
        .isEqualTo(EvidenceFileType.DAMAGED_ZIP);
    assertThat(
            detect(
                concat(
                    bytes('P', 'K', 3, 4), "not really a zip".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(EvidenceFileType.DAMAGED_ZIP);
  }

  @Test
  void legacyOfficeDocumentsAreOle2ContainersButInstallersAreNot() throws IOException {
    // Word 97-2003
    assertThat(detect(ole2("{00020906-0000-0000-C000-000000000046}")))
        .isEqualTo(EvidenceFileType.LEGACY_OFFICE);
    // no class id at all, as many Excel files have
    assertThat(detect(ole2(null))).isEqualTo(EvidenceFileType.LEGACY_OFFICE);
    // a Windows Installer package, and a patch
    assertThat(detect(ole2("{000C1084-0000-0000-C000-000000000046}")))
        .isEqualTo(EvidenceFileType.WINDOWS_INSTALLER);
    assertThat(detect(ole2("{000C1086-0000-0000-C000-000000000046}")))
        .isEqualTo(EvidenceFileType.WINDOWS_INSTALLER);
  }

  @Test
  void anOle2ContainerThatCannotBeReadIsDamaged() throws IOException {
    // the OLE2 signature and a root directory entry, but no sector allocation table to find it by
    ByteBuffer header = ByteBuffer.allocate(1536).order(ByteOrder.LITTLE_ENDIAN);
    header.put(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1));
    header.putShort(0x1A, (short) 3);
    header.putShort(0x1C, (short) 0xFFFE);
    header.putShort(0x1E, (short) 9);
    byte[] name = "Root Entry".getBytes(StandardCharsets.UTF_16LE);
    header.put(512, name);
    header.put(512 + 0x42, (byte) 5);
    assertThat(detect(header.array())).isEqualTo(EvidenceFileType.DAMAGED_OLE2);
    byte[] whole = ole2(null);
    assertThat(detect(Arrays.copyOf(whole, 600))).isEqualTo(EvidenceFileType.DAMAGED_OLE2);
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
    for (int[] magic :
        new int[][] {
          {0xFE, 0xED, 0xFA, 0xCE},
          {0xFE, 0xED, 0xFA, 0xCF},
          {0xCE, 0xFA, 0xED, 0xFE},
          {0xCF, 0xFA, 0xED, 0xFE}
        }) {
      assertThat(detect(concat(bytes(magic), new byte[28])))
          .isEqualTo(EvidenceFileType.MAC_EXECUTABLE);
    }
    assertThat(detect(bytes(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 61)))
        .isEqualTo(EvidenceFileType.UNIVERSAL_BINARY_OR_JAVA_CLASS);
  }

  @Test
  void theKindsOfEachExecutableFormatAreNamedToo() throws IOException {
    // a PE32 program: the MZ header points at a PE header
    byte[] pe = new byte[512];
    pe[0] = 'M';
    pe[1] = 'Z';
    pe[0x3C] = (byte) 0x80;
    System.arraycopy(bytes('P', 'E', 0, 0, 0x4C, 0x01), 0, pe, 0x80, 6);
    System.arraycopy(bytes(0x0B, 0x01), 0, pe, 0x98, 2);
    assertThat(detect(pe)).isEqualTo(EvidenceFileType.WINDOWS_EXECUTABLE);
    // an ELF shared library and a Mach-O executable (file type 2) and dynamic library (6)
    byte[] elf = new byte[64];
    System.arraycopy(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1), 0, elf, 0, 7);
    elf[16] = 3;
    assertThat(detect(elf)).isEqualTo(EvidenceFileType.LINUX_EXECUTABLE);
    assertThat(
            detect(concat(bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1, 3, 0, 0, 0, 2), new byte[19])))
        .isEqualTo(EvidenceFileType.MAC_EXECUTABLE);
    assertThat(
            detect(concat(bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1, 3, 0, 0, 0, 6), new byte[19])))
        .isEqualTo(EvidenceFileType.MAC_EXECUTABLE);
  }

  @Test
  void aTextThatMerelyBeginsWithMzIsText() throws IOException {
    assertThat(detect("MZ Logistics: supplier review minutes, 2027-01-12\n"))
        .isEqualTo(EvidenceFileType.TEXT);
  }

  @Test
  void textIsValidUtf8WithoutNulBytes() throws IOException {
    assertThat(detect("control;owner;status\nMFA;Jos\u00e9;done \u2713\n"))
        .isEqualTo(EvidenceFileType.TEXT);
    assertThat(detect("\uFEFFwith a byte order mark\n")).isEqualTo(EvidenceFileType.TEXT);
    assertThat(detect(bytes('a', 'b', 0, 'c'))).isEqualTo(EvidenceFileType.UNKNOWN);
    // Latin-1, not UTF-8
    assertThat(detect(bytes('J', 'o', 's', 0xE9, '\n'))).isEqualTo(EvidenceFileType.UNKNOWN);
    // UTF-16 has NUL bytes
    assertThat(detect("hello".getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo(EvidenceFileType.UNKNOWN);
    // an overlong encoding of '/' and a lone surrogate are not valid UTF-8
    assertThat(detect(bytes('a', 0xC0, 0xAF))).isEqualTo(EvidenceFileType.UNKNOWN);
    assertThat(detect(bytes('a', 0xED, 0xA0, 0x80))).isEqualTo(EvidenceFileType.UNKNOWN);
  }

  @Test
  void textOfAnyKindTikaNamesIsText() throws IOException {
    assertThat(detect("<html><body>Access review</body></html>\n"))
        .isEqualTo(EvidenceFileType.TEXT);
    assertThat(detect("<?xml version=\"1.0\"?>\n<controls/>\n")).isEqualTo(EvidenceFileType.TEXT);
    assertThat(detect("%!PS-Adobe-3.0\n")).isEqualTo(EvidenceFileType.TEXT);
    assertThat(detect("#!/bin/sh\necho done\n")).isEqualTo(EvidenceFileType.TEXT);
    // control characters other than NUL do not make it binary
    assertThat(detect("col\u0001umn\n")).isEqualTo(EvidenceFileType.TEXT);
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
    assertThat(detect(bytes(0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3)))
        .isEqualTo(EvidenceFileType.UNKNOWN);
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
    "ZIP, bundle.zip, application/zip"
  })
  void anAcceptedTypeGoesWithItsExtensions(
      EvidenceFileType type, String fileName, String mediaType) {
    assertThat(type.accepted()).isTrue();
    assertThat(type.mediaTypeFor(fileName)).contains(mediaType);
  }

  @ParameterizedTest
  @CsvSource({
    "PDF, report.docx",
    "PDF, report",
    "PDF, report.pdf.exe",
    "PNG, photo.jpg",
    "TEXT, report.pdf",
    "WORD, policy.zip",
    "ZIP, policy.docx",
    "LEGACY_OFFICE, old.msi"
  })
  void anExtensionOfAnotherTypeDoesNotFit(EvidenceFileType type, String fileName) {
    assertThat(type.mediaTypeFor(fileName)).isEmpty();
  }

  @Test
  void refusedTypesFitNoName() {
    for (EvidenceFileType type :
        new EvidenceFileType[] {
          EvidenceFileType.WINDOWS_EXECUTABLE,
          EvidenceFileType.LINUX_EXECUTABLE,
          EvidenceFileType.MAC_EXECUTABLE,
          EvidenceFileType.OFFICE_WITH_MACROS,
          EvidenceFileType.WINDOWS_INSTALLER,
          EvidenceFileType.DAMAGED_ZIP,
          EvidenceFileType.DAMAGED_OLE2,
          EvidenceFileType.UNKNOWN,
          EvidenceFileType.EMPTY
        }) {
      assertThat(type.accepted()).as(type.name()).isFalse();
      assertThat(type.mediaTypeFor("x.exe")).isEmpty();
    }
    assertThat(EvidenceFileType.acceptedList())
        .contains(
            "a PDF document (.pdf)",
            "a legacy Office document (OLE2) (.doc, .xls or .ppt)",
            "UTF-8 text (.txt or .csv)");
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
        entry(zip, entry, "<content of " + entry + "/>");
      }
    }
    return bytes.toByteArray();
  }

  /**
   * A package as Office writes it: [Content_Types].xml giving the main part its content type (and a
   * VBA project its own), the package's relationship to the main part, and the parts themselves.
   */
  private static byte[] office(String mainPart, String mainContentType, String... otherParts)
      throws IOException {
    StringBuilder types =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>"
                + "<Default Extension=\"png\" ContentType=\"image/png\"/>");
    types
        .append("<Override PartName=\"/")
        .append(mainPart)
        .append("\" ContentType=\"")
        .append(mainContentType)
        .append("\"/></Types>");
    String relationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Target=\""
            + mainPart
            + "\" Type=\""
            + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\"/></Relationships>";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", types.toString());
      entry(zip, "_rels/.rels", relationships);
      entry(zip, mainPart, "<document/>");
      for (String part : otherParts) {
        entry(zip, part, "<part/>");
      }
    }
    return bytes.toByteArray();
  }

  private static String[] media(int count) {
    String[] parts = new String[count];
    for (int i = 0; i < count; i++) {
      parts[i] = "ppt/media/image" + i + ".png";
    }
    return parts;
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /**
   * An OLE2 container as POI writes it, with one stream, its root storage of the given class id (or
   * none).
   */
  private static byte[] ole2(String classId) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (POIFSFileSystem container = new POIFSFileSystem()) {
      if (classId != null) {
        container.getRoot().setStorageClsid(new ClassID(classId));
      }
      container.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
      container.writeFilesystem(bytes);
    }
    return bytes.toByteArray();
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
