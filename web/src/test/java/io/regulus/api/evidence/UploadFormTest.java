package io.regulus.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.evidence.EvidenceTooLargeException;
import io.regulus.evidence.IncompleteUploadException;
import io.regulus.evidence.UploadedFile;
import io.regulus.problem.DomainException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An upload form: the file streamed to a temporary file, the text parts read; any failure leaves no file. */
class UploadFormTest {

  private static final MediaType TYPE =
      new MediaType("multipart", "form-data", Map.of("boundary", "----RegulusBoundary7MA4YWxkTrZu0gW"));

  @Test
  void theFileAndTheDetailsAreRead() throws IOException {
    byte[] body = MultipartStreamTest.body(part("title", null, "  MFA policy "), part("file", "mfa.pdf", "%PDF-1.4"),
        part("validFrom", null, "2027-01-01"), part("validUntil", null, ""));
    Path file;
    try (UploadForm form = UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 1000)) {
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
  void aFileOverTheLimitIsRefusedWhileReadingAndLeavesNoFile() throws IOException {
    List<Path> before = uploads();
    byte[] body = MultipartStreamTest.body(part("file", "big.csv", "a".repeat(1001)));
    assertThatThrownBy(() -> UploadForm.read(TYPE, -1, new ByteArrayInputStream(body), 1000))
        .isInstanceOf(EvidenceTooLargeException.class);
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void aBodyDeclaredFarOverTheLimitIsRefusedUnread() {
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[10]);
    assertThatThrownBy(() -> UploadForm.read(TYPE, 1000 + UploadForm.OVERHEAD_BYTES + 1, body, 1000))
        .isInstanceOf(EvidenceTooLargeException.class);
    assertThat(body.available()).isEqualTo(10);
  }

  @Test
  void aFailureAfterTheFileDeletesIt() throws IOException {
    List<Path> before = uploads();
    byte[] badDate = MultipartStreamTest.body(part("file", "a.pdf", "%PDF-1.4"), part("validUntil", null, "31/12"));
    assertThatThrownBy(() -> UploadForm.read(TYPE, -1, new ByteArrayInputStream(badDate), 1000))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.field()).isEqualTo("validUntil");
          assertThat(e.detail()).contains("YYYY-MM-DD");
        });
    byte[] cut = MultipartStreamTest.body(part("file", "a.pdf", "%PDF-1.4"), part("title", null, "t"));
    assertThatThrownBy(() -> UploadForm.read(TYPE, -1, new ByteArrayInputStream(Arrays.copyOf(cut, cut.length - 10)),
        1000)).isInstanceOf(IncompleteUploadException.class);
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void theFormNeedsExactlyOneNamedFileAndKnownParts() {
    assertRefused(MultipartStreamTest.body(part("title", null, "no file")), "no part named 'file'");
    assertRefused(MultipartStreamTest.body(part("file", null, "%PDF-1.4")), "has no file name");
    assertRefused(MultipartStreamTest.body(part("file", "a.pdf", "%PDF"), part("file", "b.pdf", "%PDF")),
        "more than one part named 'file'");
    assertRefused(MultipartStreamTest.body(part("owner", null, "x")), "unknown part 'owner'");
    assertRefused(MultipartStreamTest.body(part("title", null, "x".repeat(5000))), "longer than");
  }

  private static void assertRefused(byte[] body, String detail) {
    assertThatThrownBy(() -> UploadForm.read(TYPE, body.length, new ByteArrayInputStream(body), 1000))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.detail()).contains(detail));
  }

  private static byte[] part(String name, String fileName, String content) {
    return ("Content-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n" + content)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<Path> uploads() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith(UploadedFile.temporaryFilePrefix()))
          .sorted().toList();
    }
  }
}
