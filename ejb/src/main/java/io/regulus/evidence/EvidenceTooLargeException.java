package io.regulus.evidence;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * A file longer than REGULUS_EVIDENCE_MAX_BYTES: refused at the first byte past the limit, nothing
 * stored.
 */
public class EvidenceTooLargeException extends DomainException {

  private static final long serialVersionUID = 1L;

  public EvidenceTooLargeException(long maxBytes) {
    super(
        ProblemKind.PAYLOAD_TOO_LARGE,
        "The file is larger than the limit of "
            + limit(maxBytes)
            + " for one"
            + " piece of evidence (REGULUS_EVIDENCE_MAX_BYTES). Nothing was stored: compress the file, split it, or add"
            + " a link to where it is kept instead.",
        "file");
  }

  private static String limit(long maxBytes) {
    String readable = readable(maxBytes);
    return readable.endsWith(" bytes") ? readable : readable + " (" + maxBytes + " bytes)";
  }

  static String readable(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
