package io.regulus.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.evidence.IncompleteUploadException;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parts read as they arrive, whatever the chunking; a body without its closing boundary is incomplete. */
class MultipartStreamTest {

  private static final String BOUNDARY = "----RegulusBoundary7MA4YWxkTrZu0gW";

  @Test
  void partsAreReadInOrderWithTheirNamesAndFileNames() throws IOException {
    byte[] file = random(300_000);
    byte[] body = body(text("title", "MFA policy"), file("file", "policy.pdf", file), text("validUntil", "2027-12-31"));
    List<String[]> parts = new ArrayList<>();
    MultipartStream stream = new MultipartStream(new ByteArrayInputStream(body), BOUNDARY);
    for (var next = stream.next(); next.isPresent(); next = stream.next()) {
      MultipartStream.Part part = next.get();
      byte[] content = part.content().readAllBytes();
      parts.add(new String[] {part.name(), part.fileName(), part.contentType(), String.valueOf(content.length)});
      if ("file".equals(part.name())) {
        assertThat(content).isEqualTo(file);
      }
    }
    assertThat(parts).containsExactly(
        new String[] {"title", null, null, "10"},
        new String[] {"file", "policy.pdf", "application/pdf", "300000"},
        new String[] {"validUntil", null, null, "10"});
  }

  @Test
  void contentThatLooksLikeABoundaryIsContent() throws IOException {
    byte[] tricky = ("line\r\n--" + BOUNDARY.substring(0, 10) + "\r\n--" + BOUNDARY + "x").getBytes(
        StandardCharsets.ISO_8859_1);
    // a delimiter is CRLF, dashes and the whole boundary: anything short of it is content
    byte[] content = Arrays.copyOf(tricky, tricky.length - (BOUNDARY.length() + 5));
    MultipartStream stream = new MultipartStream(new ByteArrayInputStream(body(file("file", "a.txt", content))),
        BOUNDARY);
    assertThat(stream.next().orElseThrow().content().readAllBytes()).isEqualTo(content);
    assertThat(stream.next()).isEmpty();
  }

  @Test
  void theResultDoesNotDependOnHowTheBytesArrive() throws IOException {
    byte[] file = random(100_000);
    byte[] body = body(file("file", "scan.png", file), text("title", "Scan"));
    for (int chunk : new int[] {1, 2, 3, 7, 64, 1000, 65_536}) {
      MultipartStream stream = new MultipartStream(new Trickle(body, chunk), BOUNDARY);
      assertThat(stream.next().orElseThrow().content().readAllBytes()).as("chunk " + chunk).isEqualTo(file);
      assertThat(new String(stream.next().orElseThrow().content().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("Scan");
      assertThat(stream.next()).isEmpty();
    }
  }

  @Test
  void anUnreadPartIsSkipped() throws IOException {
    MultipartStream stream = new MultipartStream(new ByteArrayInputStream(
        body(file("file", "a.pdf", random(50_000)), text("title", "second"))), BOUNDARY);
    stream.next().orElseThrow();
    MultipartStream.Part second = stream.next().orElseThrow();
    assertThat(second.name()).isEqualTo("title");
    assertThat(new String(second.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
  }

  @Test
  void aPreambleAndTransportPaddingAreIgnored() throws IOException {
    byte[] body = ("This is a preamble.\r\n--" + BOUNDARY + "  \r\nContent-Disposition: form-data; name=\"title\""
        + "\r\n\r\nhello\r\n--" + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.US_ASCII);
    MultipartStream stream = new MultipartStream(new ByteArrayInputStream(body), BOUNDARY);
    assertThat(new String(stream.next().orElseThrow().content().readAllBytes(), StandardCharsets.US_ASCII))
        .isEqualTo("hello");
    assertThat(stream.next()).isEmpty();
  }

  @Test
  void aBodyCutOffInAPartIsIncomplete() throws IOException {
    byte[] body = body(file("file", "cut.pdf", random(200_000)));
    byte[] half = Arrays.copyOf(body, body.length / 2);
    MultipartStream stream = new MultipartStream(new ByteArrayInputStream(half), BOUNDARY);
    InputStream content = stream.next().orElseThrow().content();
    assertThatThrownBy(content::readAllBytes).isInstanceOf(IncompleteUploadException.class);
  }

  @Test
  void aBodyWithoutItsClosingBoundaryIsIncomplete() {
    byte[] body = body(file("file", "a.pdf", random(1000)));
    byte[] unclosed = Arrays.copyOf(body, body.length - ("\r\n--" + BOUNDARY + "--\r\n").length());
    MultipartStream stream = new MultipartStream(new ByteArrayInputStream(unclosed), BOUNDARY);
    assertThatThrownBy(() -> stream.next().orElseThrow().content().readAllBytes())
        .isInstanceOf(IncompleteUploadException.class);
    // cut inside the headers, or before the first boundary
    assertThatThrownBy(() -> new MultipartStream(new ByteArrayInputStream(Arrays.copyOf(body, 40)), BOUNDARY).next())
        .isInstanceOf(IncompleteUploadException.class);
    assertThatThrownBy(() -> new MultipartStream(new ByteArrayInputStream(new byte[0]), BOUNDARY).next())
        .isInstanceOf(IncompleteUploadException.class);
  }

  @Test
  void aFailingConnectionIsIncomplete() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset by peer");
      }
    };
    assertThatThrownBy(() -> new MultipartStream(failing, BOUNDARY).next())
        .isInstanceOfSatisfying(IncompleteUploadException.class,
            e -> assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT));
  }

  @Test
  void malformedBodiesAreInvalidInput() {
    assertThatThrownBy(() -> new MultipartStream(InputStream.nullInputStream(), null))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.detail()).contains("boundary"));
    byte[] noDisposition = ("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> new MultipartStream(new ByteArrayInputStream(noDisposition), BOUNDARY).next())
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.detail()).contains("Content-Disposition"));
    byte[] hugeHeader = ("--" + BOUNDARY + "\r\nX-Junk: " + "x".repeat(20_000) + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> new MultipartStream(new ByteArrayInputStream(hugeHeader), BOUNDARY).next())
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.detail()).contains("headers are longer"));
  }

  @Test
  void fileNamesLoseDirectoriesAndControlCharactersAndMayBeEncoded() {
    assertThat(name("form-data; name=\"file\"; filename=\"report.pdf\"")).isEqualTo("report.pdf");
    assertThat(name("form-data; name=\"file\"; filename=\"C:\\fakepath\\report.pdf\"")).isEqualTo("report.pdf");
    assertThat(name("form-data; name=\"file\"; filename=\"../../etc/passwd\"")).isEqualTo("passwd");
    assertThat(name("form-data; name=\"file\"; filename=\"a\\\"b.pdf\"")).isEqualTo("a\"b.pdf");
    assertThat(name("form-data; name=\"file\"; filename=\"bad\u0007name.pdf\"")).isEqualTo("badname.pdf");
    assertThat(name("form-data; name=\"file\"; filename=\"x.pdf\"; filename*=UTF-8''Jos%C3%A9%20%E2%82%AC.pdf"))
        .isEqualTo("Jos\u00e9 \u20ac.pdf");
    assertThat(name("form-data; name=file; filename=plain.csv")).isEqualTo("plain.csv");
    assertThat(name("form-data; name=\"title\"")).isNull();
    assertThat(MultipartStream.parameters("form-data; name=\"a;b\"; filename=\"c.pdf\""))
        .containsEntry("name", "a;b").containsEntry("filename", "c.pdf");
  }

  @Test
  void theAttachmentHeaderCarriesAnAsciiFallbackAndTheExactName() {
    assertThat(EvidenceResource.attachment("report.pdf"))
        .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
    assertThat(EvidenceResource.attachment("Jos\u00e9 \"q\".pdf"))
        .isEqualTo("attachment; filename=\"Jos_ _q_.pdf\"; filename*=UTF-8''Jos%C3%A9%20%22q%22.pdf");
  }

  private static String name(String disposition) {
    return MultipartStream.fileName(MultipartStream.parameters(disposition));
  }

  private static byte[] text(String name, String value) {
    return ("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] file(String name, String fileName, byte[] content) {
    ByteArrayOutputStream part = new ByteArrayOutputStream();
    part.writeBytes(("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    part.writeBytes(content);
    return part.toByteArray();
  }

  static byte[] body(byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      body.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(part);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
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
}
