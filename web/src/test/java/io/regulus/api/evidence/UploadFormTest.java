package io.regulus.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.evidence.EvidenceTooLargeException;
import io.regulus.evidence.IncompleteUploadException;
import io.regulus.evidence.UploadedFile;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An upload form read by Commons FileUpload: the file streamed to a temporary file whatever the
 * chunking, the text parts read, the rules on parts and sizes kept, and any failure, of the body or
 * of the form, leaving no file.
 */
class UploadFormTest {

  private static final String BOUNDARY = "----RegulusBoundary7MA4YWxkTrZu0gW";
  private static final MediaType TYPE =
      new MediaType("multipart", "form-data", Map.of("boundary", BOUNDARY));

  @Test
  void theFileAndTheDetailsAreRead() throws IOException {
    byte[] body =
        body(
            part("title", null, "  MFA policy "),
            part("file", "mfa.pdf", "%PDF-1.4"),
            part("validFrom", null, "2027-01-01"),
            part("validUntil", null, ""));
    Path file;
    try (UploadForm form =
        UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 1000)) {
      file = form.file().path();
      assertThat(Files.readString(file)).isEqualTo("%PDF-1.4");
      assertThat(form.file().fileName()).isEqualTo("mfa.pdf");
      assertThat(form.details().title()).isEqualTo("MFA policy");
      assertThat(form.details().validFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
      assertThat(form.details().validUntil()).isNull();
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void theFileArrivesByteForByteWhateverTheChunking() throws IOException {
    byte[] content = random(100_000);
    byte[] body = body(part("file", "scan.png", content), part("title", null, "Scan"));
    for (int chunk : new int[] {1, 2, 3, 7, 64, 1000, 65_536}) {
      try (UploadForm form = UploadForm.read(TYPE, -1, new Trickle(body, chunk), 200_000)) {
        assertThat(Files.readAllBytes(form.file().path())).as("chunk " + chunk).isEqualTo(content);
        assertThat(form.file().size()).isEqualTo(content.length);
        assertThat(form.file().sha256()).isEqualTo(sha256(content));
        assertThat(form.details().title()).isEqualTo("Scan");
      }
    }
  }

  @Test
  void contentThatLooksLikeABoundaryIsContent() throws IOException {
    // a delimiter is CRLF, two dashes and the whole boundary: anything short of it is content
    byte[] content =
        ("line\r\n--"
                + BOUNDARY.substring(0, 10)
                + "\r\n--"
                + BOUNDARY.substring(0, BOUNDARY.length() - 1)
                + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = body(part("file", "a.txt", content));
    try (UploadForm form =
        UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 1000)) {
      assertThat(Files.readAllBytes(form.file().path())).isEqualTo(content);
    }
  }

  @Test
  void aPreambleAndAnEpilogueAreIgnored() throws IOException {
    byte[] body =
        concat(
            "This is a preamble.\r\n".getBytes(StandardCharsets.US_ASCII),
            body(part("file", "a.pdf", "%PDF-1.4")),
            "epilogue".getBytes(StandardCharsets.US_ASCII));
    try (UploadForm form =
        UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 1000)) {
      assertThat(Files.readString(form.file().path())).isEqualTo("%PDF-1.4");
    }
  }

  @Test
  void aFileAtTheLimitIsStoredAndOneBytePastItIsRefusedWhileReadingAndLeavesNoFile()
      throws IOException {
    List<Path> before = uploads();
    byte[] atLimit = body(part("file", "limit.csv", "a".repeat(1000)));
    try (UploadForm form = UploadForm.read(TYPE, -1, new ByteArrayInputStream(atLimit), 1000)) {
      assertThat(form.file().size()).isEqualTo(1000);
    }
    byte[] body = body(part("file", "big.csv", "a".repeat(1001)));
    assertThatThrownBy(() -> UploadForm.read(TYPE, -1, new ByteArrayInputStream(body), 1000))
        .isInstanceOf(EvidenceTooLargeException.class);
    // the rest of a large body is not read once the limit is passed
    CountingStream large = new CountingStream(body(part("file", "big.csv", random(500_000))));
    assertThatThrownBy(() -> UploadForm.read(TYPE, -1, large, 1000))
        .isInstanceOf(EvidenceTooLargeException.class);
    assertThat(large.count()).isLessThan(100_000);
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void aBodyDeclaredFarOverTheLimitIsRefusedUnread() {
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[10]);
    assertThatThrownBy(
            () -> UploadForm.read(TYPE, 1000 + UploadForm.OVERHEAD_BYTES + 1, body, 1000))
        .isInstanceOf(EvidenceTooLargeException.class);
    assertThat(body.available()).isEqualTo(10);
  }

  @Test
  void aBodyWithoutDeclaredLengthIsRefusedOncePastTheLimitAndTheFormAroundIt() {
    // junk before the first boundary counts too
    byte[] junk = new byte[(int) UploadForm.OVERHEAD_BYTES + 2000];
    Arrays.fill(junk, (byte) 'x');
    byte[] body = concat(junk, body(part("file", "a.pdf", "%PDF-1.4")));
    assertThatThrownBy(() -> UploadForm.read(TYPE, -1, new ByteArrayInputStream(body), 1000))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProblemKind.PAYLOAD_TOO_LARGE);
              assertThat(e.detail())
                  .contains("request body is longer than the file limit of 1000 bytes");
            });
  }

  @Test
  void aFailureAfterTheFileDeletesIt() throws IOException {
    List<Path> before = uploads();
    byte[] badDate = body(part("file", "a.pdf", "%PDF-1.4"), part("validUntil", null, "31/12"));
    assertThatThrownBy(() -> UploadForm.read(TYPE, -1, new ByteArrayInputStream(badDate), 1000))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.field()).isEqualTo("validUntil");
              assertThat(e.detail()).contains("YYYY-MM-DD");
            });
    byte[] cut = body(part("file", "a.pdf", "%PDF-1.4"), part("title", null, "t"));
    assertThatThrownBy(
            () ->
                UploadForm.read(
                    TYPE, -1, new ByteArrayInputStream(Arrays.copyOf(cut, cut.length - 10)), 1000))
        .isInstanceOf(IncompleteUploadException.class);
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void aBodyCutOffOrWithoutItsClosingBoundaryIsIncompleteAndLeavesNoFile() throws IOException {
    List<Path> before = uploads();
    byte[] body = body(part("file", "cut.pdf", random(200_000)));
    assertIncomplete(Arrays.copyOf(body, body.length / 2));
    assertIncomplete(Arrays.copyOf(body, body.length - ("\r\n--" + BOUNDARY + "--\r\n").length()));
    // cut inside the headers of a part
    assertIncomplete(Arrays.copyOf(body, 60));
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void aFailingConnectionIsIncompleteWhereverItFails() throws IOException {
    List<Path> before = uploads();
    byte[] body = body(part("title", null, "t"), part("file", "a.pdf", random(50_000)));
    for (int failAt : new int[] {0, 30, 200, 20_000}) {
      InputStream failing =
          new SequenceInputStream(
              new ByteArrayInputStream(body, 0, failAt),
              new InputStream() {
                @Override
                public int read() throws IOException {
                  throw new IOException("connection reset by peer");
                }
              });
      assertThatThrownBy(() -> UploadForm.read(TYPE, body.length, failing, 100_000))
          .as("failing at " + failAt)
          .isInstanceOfSatisfying(
              IncompleteUploadException.class,
              e -> assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT));
    }
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void theFormNeedsExactlyOneNamedFileAndKnownPartsEachOnce() {
    assertRefused(body(part("title", null, "no file")), "no part named 'file'");
    assertRefused(new byte[0], "no part named 'file'");
    assertRefused(body(part("file", null, "%PDF-1.4")), "has no file name");
    assertRefused(body(part("file", "", "%PDF-1.4")), "has no file name");
    assertRefused(
        body(part("file", "a.pdf", "%PDF"), part("file", "b.pdf", "%PDF")),
        "more than one part named 'file'");
    assertRefused(
        body(part("file", "a.pdf", "%PDF"), part("title", null, "a"), part("title", null, "b")),
        "more than one part named 'title'");
    assertRefused(body(part("owner", null, "x")), "unknown part 'owner'");
  }

  @Test
  void textPartsAreSmall() {
    assertRefused(body(part("title", null, "x".repeat(4097))), "'title' is longer than 4096 bytes");
    byte[] atLimit = body(part("file", "a.pdf", "%PDF"), part("title", null, "x".repeat(4096)));
    try (UploadForm form = UploadForm.read(TYPE, -1, new ByteArrayInputStream(atLimit), 100_000)) {
      assertThat(form.details().title()).hasSize(4096);
    }
    // under a file limit smaller still, no part may pass that one
    byte[] longTitle = body(part("title", null, "x".repeat(2000)));
    assertThatThrownBy(() -> UploadForm.read(TYPE, -1, new ByteArrayInputStream(longTitle), 1000))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
              assertThat(e.detail()).contains("'title' is longer than 1000 bytes");
            });
  }

  @Test
  void malformedBodiesAreInvalidInput() {
    MediaType noBoundary = new MediaType("multipart", "form-data");
    assertThatThrownBy(() -> UploadForm.read(noBoundary, -1, InputStream.nullInputStream(), 1000))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.detail()).contains("boundary"));
    byte[] hugeHeaders =
        body(
            ("X-Junk: " + "x".repeat(600) + "\r\n").getBytes(StandardCharsets.US_ASCII),
            part("file", "a.pdf", "%PDF"));
    assertRefused(hugeHeaders, "headers are longer than 512 bytes");
    assertRefused(body(part("file", "a\u0000b.pdf", "%PDF")), "NUL");
  }

  @Test
  void aPartWithoutAFormDataNameIsSkipped() throws IOException {
    byte[] body =
        body(
            "Content-Type: text/plain\r\n\r\nx".getBytes(StandardCharsets.US_ASCII),
            part("file", "a.pdf", "%PDF-1.4"));
    try (UploadForm form =
        UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 1000)) {
      assertThat(form.file().fileName()).isEqualTo("a.pdf");
    }
  }

  @Test
  void fileNamesLoseDirectoriesAndControlCharactersAndMayBeEncoded() throws IOException {
    assertThat(fileName("filename=\"report.pdf\"")).isEqualTo("report.pdf");
    assertThat(fileName("filename=\"C:\\fakepath\\report.pdf\"")).isEqualTo("report.pdf");
    assertThat(fileName("filename=\"../../etc/passwd\"")).isEqualTo("passwd");
    assertThat(fileName("filename=\"a\\\"b.pdf\"")).isEqualTo("a\"b.pdf");
    assertThat(fileName("filename=\"bad\u0007name.pdf\"")).isEqualTo("badname.pdf");
    assertThat(fileName("filename=\"x.pdf\"; filename*=UTF-8''Jos%C3%A9%20%E2%82%AC.pdf"))
        .isEqualTo("Jos\u00e9 \u20ac.pdf");
    assertThat(fileName("filename=\"Jos\u00e9.pdf\"")).isEqualTo("Jos\u00e9.pdf");
    assertThat(fileName("filename=plain.csv")).isEqualTo("plain.csv");
    assertThat(fileName("filename*=UTF-8''invoice%E2%80%AEfdp.exe")).isEqualTo("invoicefdp.exe");
  }

  private static String fileName(String dispositionParameters) throws IOException {
    byte[] body =
        body(
            ("Content-Disposition: form-data; name=\"file\"; "
                    + dispositionParameters
                    + "\r\n\r\n%PDF")
                .getBytes(StandardCharsets.UTF_8));
    try (UploadForm form =
        UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 1000)) {
      return form.file().fileName();
    }
  }

  private static void assertRefused(byte[] body, String detail) {
    assertThatThrownBy(
            () -> UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 100_000))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
              assertThat(e.detail()).contains(detail);
            });
  }

  private static void assertIncomplete(byte[] body) {
    assertThatThrownBy(
            () -> UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 1_000_000))
        .isInstanceOf(IncompleteUploadException.class);
  }

  private static byte[] part(String name, String fileName, String content) {
    return part(name, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] part(String name, String fileName, byte[] content) {
    return concat(
        ("Content-Disposition: form-data; name=\""
                + name
                + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8),
        content);
  }

  /** The parts, each with its headers, between boundaries and ended by the closing one. */
  private static byte[] body(byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      body.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(part);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> uploads() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(UploadedFile.temporaryFilePrefix()))
          .sorted()
          .toList();
    }
  }

  /** Hands out at most {@code chunk} bytes a read, as a slow network would. */
  private static final class Trickle extends ByteArrayInputStream {
    private final int chunk;

    Trickle(byte[] bytes, int chunk) {
      super(bytes);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }
  }

  /** Counts what was read of it. */
  private static final class CountingStream extends ByteArrayInputStream {

    CountingStream(byte[] bytes) {
      super(bytes);
    }

    long count() {
      return pos;
    }
  }
}
