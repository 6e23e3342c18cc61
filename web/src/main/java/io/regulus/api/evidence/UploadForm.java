package io.regulus.api.evidence;

import io.regulus.evidence.EvidenceDetails;
import io.regulus.evidence.EvidenceTooLargeException;
import io.regulus.evidence.IncompleteUploadException;
import io.regulus.evidence.UploadedFile;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of an evidence upload: {@code file} (required, with a file name) streamed into a
 * temporary file, and the optional text parts {@code title}, {@code validFrom} and {@code
 * validUntil} (ISO dates, each at most once). Any other part is refused rather than ignored, so a
 * client that misspells one hears of it. Closing the form deletes the temporary file; a form that
 * fails while being read leaves none.
 */
final class UploadForm implements AutoCloseable {

  /** Room for the boundaries, part headers and text parts around the file. */
  static final long OVERHEAD_BYTES = 64 * 1024;

  private static final int MAX_TEXT_BYTES = 4 * 1024;
  private static final Set<String> TEXT_PARTS = Set.of("title", "validFrom", "validUntil");

  private final UploadedFile file;
  private final EvidenceDetails details;

  private UploadForm(UploadedFile file, EvidenceDetails details) {
    this.file = file;
    this.details = details;
  }

  /**
   * Reads the body as it arrives. A body declared longer than the limit allows is refused before a
   * byte is read; a file found longer while it is read is refused at the first byte past the limit.
   */
  static UploadForm read(MediaType type, long declaredLength, InputStream body, long maxBytes) {
    if (declaredLength > maxBytes + OVERHEAD_BYTES) {
      throw new EvidenceTooLargeException(maxBytes);
    }
    FormParts parts = new FormParts(type, declaredLength, body, maxBytes);
    UploadedFile file = null;
    try {
      Map<String, String> texts = new HashMap<>();
      for (Optional<FormParts.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
        FormParts.Part part = next.get();
        if ("file".equals(part.name())) {
          if (file != null) {
            throw new DomainException(
                ProblemKind.INVALID_INPUT,
                "The upload has more than one part named 'file'." + " Send one file per request.",
                "file");
          }
          if (part.fileName() == null || part.fileName().isEmpty()) {
            throw new DomainException(
                ProblemKind.INVALID_INPUT,
                "The part 'file' has no file name. Send it with"
                    + " one, e.g. Content-Disposition: form-data; name=\"file\"; filename=\"report.pdf\".",
                "file");
          }
          file = UploadedFile.receive(part.content(), part.fileName(), maxBytes);
        } else if (TEXT_PARTS.contains(part.name())) {
          if (texts.containsKey(part.name())) {
            throw new DomainException(
                ProblemKind.INVALID_INPUT,
                "The upload has more than one part named '"
                    + part.name()
                    + "'. Send it once, or leave it out.",
                part.name());
          }
          texts.put(part.name(), text(part));
        } else {
          String name = String.valueOf(part.name());
          throw new DomainException(
              ProblemKind.INVALID_INPUT,
              "The upload has an unknown part '"
                  + name.substring(0, Math.min(name.length(), 60))
                  + "'. Its parts are file (required), title, validFrom"
                  + " and validUntil.",
              "file");
        }
      }
      if (file == null) {
        throw new DomainException(
            ProblemKind.INVALID_INPUT,
            "The upload has no part named 'file'. Send the"
                + " document as the part 'file', e.g. curl -F file=@report.pdf.",
            "file");
      }
      EvidenceDetails details =
          new EvidenceDetails(
              texts.get("title"), date(texts, "validFrom"), date(texts, "validUntil"));
      return new UploadForm(file, details);
    } catch (RuntimeException e) {
      if (file != null) {
        file.close();
      }
      throw e;
    }
  }

  UploadedFile file() {
    return file;
  }

  EvidenceDetails details() {
    return details;
  }

  @Override
  public void close() {
    file.close();
  }

  /** A text part as UTF-8, stripped; null when blank. At most one byte past its limit is read. */
  private static String text(FormParts.Part part) {
    byte[] bytes;
    try {
      bytes = part.content().readNBytes(MAX_TEXT_BYTES + 1);
    } catch (IOException e) {
      throw new IncompleteUploadException();
    }
    if (bytes.length > MAX_TEXT_BYTES) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The part '" + part.name() + "' is longer than " + MAX_TEXT_BYTES + " bytes. Shorten it.",
          part.name());
    }
    String value = new String(bytes, StandardCharsets.UTF_8).strip();
    return value.isEmpty() ? null : value;
  }

  private static LocalDate date(Map<String, String> texts, String name) {
    String value = texts.get(name);
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The part '"
              + name
              + "' is '"
              + value
              + "', not an ISO"
              + " date. Send it as YYYY-MM-DD, e.g. 2027-12-31, or leave it out.",
          name);
    }
  }
}
