package io.regulus.evidence;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * A file whose bytes are of no accepted type, or whose name's extension is not that of the type its
 * bytes are.
 */
public class EvidenceTypeRefusedException extends DomainException {

  private static final long serialVersionUID = 1L;

  private EvidenceTypeRefusedException(String detail) {
    super(ProblemKind.UNSUPPORTED_MEDIA_TYPE, detail, "file");
  }

  static EvidenceTypeRefusedException notAccepted(String fileName, EvidenceFileType detected) {
    return new EvidenceTypeRefusedException(
        "'"
            + fileName
            + "' is "
            + detected.description()
            + ", judged from its"
            + " content; that is not accepted as evidence. Accepted: "
            + EvidenceFileType.acceptedList()
            + ".");
  }

  static EvidenceTypeRefusedException wrongExtension(String fileName, EvidenceFileType detected) {
    return new EvidenceTypeRefusedException(
        "'"
            + fileName
            + "' is "
            + detected.description()
            + ", judged from its"
            + " content, but its name does not end in "
            + detected.extensions()
            + ". Rename the file to the extension"
            + " of its type, or upload the document it was meant to be. Accepted: "
            + EvidenceFileType.acceptedList()
            + ".");
  }
}
