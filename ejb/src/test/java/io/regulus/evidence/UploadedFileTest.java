package io.regulus.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An upload is streamed to a temporary file, counted and hashed; past the limit or cut off, nothing
 * is left.
 */
class UploadedFileTest {

  @Test
  void theFileIsCopiedCountedAndHashed() throws Exception {
    byte[] content = random(200_000);
    try (UploadedFile file =
        UploadedFile.receive(new ByteArrayInputStream(content), "scan.pdf", 200_000)) {
      assertThat(file.size()).isEqualTo(200_000);
      assertThat(file.fileName()).isEqualTo("scan.pdf");
      assertThat(file.sha256())
          .isEqualTo(
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
      assertThat(Files.readAllBytes(file.path())).isEqualTo(content);
      assertThat(file.path().getFileName().toString())
          .startsWith(UploadedFile.temporaryFilePrefix());
      file.close();
      assertThat(file.path()).doesNotExist();
    }
  }

  @Test
  void oneBytePastTheLimitIsRefusedAndLeavesNoFile() throws IOException {
    List<Path> before = uploads();
    CountingStream content = new CountingStream(random(5_000_000));
    assertThatThrownBy(() -> UploadedFile.receive(content, "big.pdf", 100_000))
        .isInstanceOfSatisfying(
            EvidenceTooLargeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProblemKind.PAYLOAD_TOO_LARGE);
              assertThat(e.detail()).contains("100000 bytes");
            });
    // it stopped reading soon after the limit, not at the end of the stream
    assertThat(content.read).isLessThan(200_000);
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void exactlyTheLimitIsAccepted() {
    try (UploadedFile file =
        UploadedFile.receive(new ByteArrayInputStream(random(4096)), "a.csv", 4096)) {
      assertThat(file.size()).isEqualTo(4096);
    }
  }

  @Test
  void aCutConnectionIsAnIncompleteUploadAndLeavesNoFile() throws IOException {
    List<Path> before = uploads();
    InputStream cut =
        new InputStream() {
          private int left = 10_000;

          @Override
          public int read() throws IOException {
            if (left-- <= 0) {
              throw new IOException("connection reset");
            }
            return 'x';
          }
        };
    assertThatThrownBy(() -> UploadedFile.receive(cut, "half.pdf", 1_000_000))
        .isInstanceOfSatisfying(
            IncompleteUploadException.class,
            e -> assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT));
    assertThat(uploads()).isEqualTo(before);
  }

  @Test
  void theLimitIsStatedReadably() {
    assertThat(EvidenceTooLargeException.readable(26_214_400)).isEqualTo("25 MB");
    assertThat(EvidenceTooLargeException.readable(65_536)).isEqualTo("64 KB");
    assertThat(EvidenceTooLargeException.readable(1000)).isEqualTo("1000 bytes");
    assertThat(new EvidenceTooLargeException(26_214_400).detail())
        .contains("25 MB (26214400 bytes)");
  }

  private static List<Path> uploads() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(UploadedFile.temporaryFilePrefix()))
          .sorted()
          .toList();
    }
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  /** Remembers how much was read from it. */
  private static final class CountingStream extends ByteArrayInputStream {
    long read;

    CountingStream(byte[] content) {
      super(content);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      read += Math.max(n, 0);
      return n;
    }
  }
}
