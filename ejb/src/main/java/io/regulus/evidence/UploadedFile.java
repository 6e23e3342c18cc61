package io.regulus.evidence;

import io.regulus.text.ReadableText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file on its way into the database: streamed to a temporary file while its bytes are
 * counted and hashed, so it is never held in memory and an oversized upload stops at the first byte
 * past the limit. Closing it deletes the temporary file; a failed receive leaves none behind.
 *
 * @param fileName the name the client gave, as a person can read it ({@link ReadableText#fileName}:
 *     no directory part, no invisible or direction-changing character)
 * @param sha256 lower-case hex
 */
public record UploadedFile(Path path, String fileName, long size, String sha256)
    implements AutoCloseable {

  public UploadedFile {
    fileName = ReadableText.fileName(fileName);
  }

  private static final String PREFIX = "regulus-evidence-";

  /**
   * Copies {@code content} to a new temporary file, or throws {@link EvidenceTooLargeException} as
   * soon as it is longer than {@code maxBytes}; a failure to read {@code content} (a cut
   * connection) is an {@link IncompleteUploadException}.
   */
  public static UploadedFile receive(InputStream content, String fileName, long maxBytes) {
    Path path = createTemporaryFile();
    try {
      MessageDigest digest = newDigest();
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(path), digest)) {
        for (int read = read(content, buffer); read >= 0; read = read(content, buffer)) {
          size += read;
          if (size > maxBytes) {
            throw new EvidenceTooLargeException(maxBytes);
          }
          out.write(buffer, 0, read);
        }
      }
      return new UploadedFile(path, fileName, size, HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      delete(path);
      throw new UncheckedIOException("could not receive an upload into " + path, e);
    } catch (RuntimeException | Error e) {
      delete(path);
      throw e;
    }
  }

  /** The temporary files of uploads start with this, in {@code java.io.tmpdir}. */
  public static String temporaryFilePrefix() {
    return PREFIX;
  }

  @Override
  public void close() {
    delete(path);
  }

  private static int read(InputStream content, byte[] buffer) {
    try {
      return content.read(buffer);
    } catch (IOException e) {
      throw new IncompleteUploadException();
    }
  }

  private static Path createTemporaryFile() {
    try {
      return Files.createTempFile(PREFIX, ".upload");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create a temporary file for an upload", e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the temporary upload " + path, e);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
