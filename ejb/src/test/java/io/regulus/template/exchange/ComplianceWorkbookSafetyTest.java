package io.regulus.template.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.spreadsheet.XlsxUpload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile workbooks: a zip bomb is refused before it is inflated, and an external entity in any
 * part is never resolved (no file read, no connection made). Nothing throws.
 */
class ComplianceWorkbookSafetyTest {

  private static final String ACTIONS_SHEET = "xl/worksheets/sheet3.xml";

  @Test
  void aZipBombOfGigabytesIsRefusedBeforeItIsInflated() throws IOException {
    int megabytes = 2_000;
    byte[] bomb = bomb(megabytes);
    assertThat(bomb.length).isLessThan(12 << 20);

    long start = System.nanoTime();
    RecordingSink sink = ComplianceWorkbookProblemsTest.read(bomb);
    System.out.printf(
        "a %d KB workbook unpacking to %d MB refused in %d ms%n",
        bomb.length >> 10, megabytes, (System.nanoTime() - start) / 1_000_000);

    assertThat(sink.problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.where()).isEqualTo("file");
              assertThat(problem.reason()).contains("zip bomb");
            });
    assertThat(sink.actions).isEmpty();
  }

  @Test
  void aSheetLargerThanItsLimitOnceInflatedIsRefused() throws IOException {
    byte[] workbook =
        ComplianceWorkbookRoundTripTest.write(
            BigWorkbookContent.of(20_000, "A description that compresses like real text. "));
    ComplianceWorkbookReader reader =
        new ComplianceWorkbookReader(new XlsxUpload.Limits(64L << 20, 64L << 20, 1L << 20));

    RecordingSink sink = new RecordingSink();
    reader.read(new ByteArrayInputStream(workbook), ImportOptions.DEFAULTS, sink);

    assertThat(sink.problems)
        .last()
        .satisfies(
            problem -> {
              assertThat(problem.where()).isEqualTo("file");
              assertThat(problem.reason())
                  .isEqualTo(
                      "The workbook's sheet is larger than 1 MB once unpacked, far more than a"
                          + " template of 50,000 actions need");
            });
  }

  @Test
  void anExternalEntityInAnyPartIsNeverResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-MARKER");
    byte[] good = ComplianceWorkbookRoundTripTest.write(ComplianceWorkbookRoundTripTest.content());
    byte[] shared =
        ComplianceWorkbookImportTest.workbook(
            Map.of("Template", List.of(List.of("title"), List.of("T"))));

    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String file = secret.toUri().toString();
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/xxe";
      String local = "<!ENTITY xxe SYSTEM \"" + file + "\">";
      List<byte[]> hostile =
          List.of(
              replace(
                  good,
                  "xl/worksheets/sheet1.xml",
                  xml ->
                      doctype(xml, "worksheet", local)
                          .replace("Cloud controls", "&xxe;Cloud controls")),
              replace(
                  shared,
                  "xl/sharedStrings.xml",
                  xml -> doctype(xml, "sst", local).replace(">title<", ">&xxe;title<")),
              replace(good, "xl/workbook.xml", xml -> doctype(xml, "workbook", remote(url))),
              replace(good, "xl/styles.xml", xml -> doctype(xml, "styleSheet", remote(url))),
              replace(good, "[Content_Types].xml", xml -> doctype(xml, "Types", remote(url))));

      for (byte[] workbook : hostile) {
        RecordingSink sink = read(workbook);

        assertThat(sink.problems)
            .singleElement()
            .satisfies(
                problem -> {
                  assertThat(problem.where()).isEqualTo("file");
                  assertThat(problem.reason())
                      .doesNotContain("TOP-SECRET-MARKER")
                      .contains("refused as unsafe");
                });
        assertThat(sink.headers.toString()).doesNotContain("TOP-SECRET-MARKER");
        assertThat(sink.actions).isEmpty();
      }

      listener.setSoTimeout(300);
      boolean connected;
      try {
        listener.accept().close();
        connected = true;
      } catch (SocketTimeoutException none) {
        connected = false;
      }
      assertThat(connected).as("a part made a connection to its entity's URL").isFalse();
    }
  }

  private static String remote(String url) {
    return "<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;";
  }

  /** The part with a DOCTYPE declaring {@code entities} right after its XML declaration. */
  private static String doctype(String xml, String root, String entities) {
    int start = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
    return xml.substring(0, start)
        + "<!DOCTYPE "
        + root
        + " ["
        + entities
        + "]>"
        + xml.substring(start);
  }

  private static RecordingSink read(byte[] workbook) throws IOException {
    return ComplianceWorkbookProblemsTest.read(workbook);
  }

  /** A copy of the workbook with one part's text changed. */
  static byte[] replace(byte[] workbook, String part, UnaryOperator<String> change)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipFile in = zip(workbook);
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
        byte[] data = in.getInputStream(entry).readAllBytes();
        if (entry.getName().equals(part)) {
          data =
              change
                  .apply(new String(data, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
        }
        zip.putArchiveEntry(new ZipArchiveEntry(entry.getName()));
        zip.write(data);
        zip.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  /**
   * A real workbook whose Actions sheet inflates to {@code megabytes} of blanks between its rows:
   * deflating a megabyte of blanks gives the same bytes each time once the window is full of them,
   * so the entry is built by repeating those bytes rather than by deflating gigabytes.
   */
  private static byte[] bomb(int megabytes) throws IOException {
    byte[] good = ComplianceWorkbookRoundTripTest.write(ComplianceWorkbookRoundTripTest.content());
    String sheet = part(good, ACTIONS_SHEET);
    int cut = sheet.indexOf("<sheetData>") + "<sheetData>".length();
    byte[] head = sheet.substring(0, cut).getBytes(StandardCharsets.UTF_8);
    byte[] tail = sheet.substring(cut).getBytes(StandardCharsets.UTF_8);
    byte[] blanks = new byte[1 << 20];
    Arrays.fill(blanks, (byte) ' ');

    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    deflated.writeBytes(deflate(deflater, head, false));
    byte[] previous = null;
    byte[] block = deflate(deflater, blanks, false);
    int done = 1;
    while (!Arrays.equals(previous, block)) {
      deflated.writeBytes(block);
      previous = block;
      block = deflate(deflater, blanks, false);
      done++;
    }
    for (; done <= megabytes; done++) {
      deflated.writeBytes(block);
    }
    deflated.writeBytes(deflate(deflater, tail, true));
    deflater.end();

    CRC32 crc = new CRC32();
    crc.update(head);
    for (int i = 0; i < megabytes; i++) {
      crc.update(blanks);
    }
    crc.update(tail);
    ZipArchiveEntry entry = new ZipArchiveEntry(ACTIONS_SHEET);
    entry.setMethod(ZipEntry.DEFLATED);
    entry.setSize(head.length + (long) megabytes * blanks.length + tail.length);
    entry.setCompressedSize(deflated.size());
    entry.setCrc(crc.getValue());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipFile in = zip(good);
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (ZipArchiveEntry each : Collections.list(in.getEntries())) {
        if (each.getName().equals(ACTIONS_SHEET)) {
          zip.addRawArchiveEntry(entry, new ByteArrayInputStream(deflated.toByteArray()));
        } else {
          zip.putArchiveEntry(new ZipArchiveEntry(each.getName()));
          in.getInputStream(each).transferTo(zip);
          zip.closeArchiveEntry();
        }
      }
    }
    return out.toByteArray();
  }

  /** Deflates {@code data} after what came before: flushed to a byte boundary, or finished. */
  private static byte[] deflate(Deflater deflater, byte[] data, boolean last) {
    deflater.setInput(data);
    if (last) {
      deflater.finish();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 << 10];
    while (true) {
      int n =
          deflater.deflate(
              buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
      if (last ? deflater.finished() : n < buffer.length) {
        return out.toByteArray();
      }
    }
  }

  private static String part(byte[] workbook, String name) throws IOException {
    try (ZipFile in = zip(workbook)) {
      return new String(
          in.getInputStream(in.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ZipFile zip(byte[] bytes) throws IOException {
    return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
  }
}
