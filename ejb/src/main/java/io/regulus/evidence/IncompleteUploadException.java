package io.regulus.evidence;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * The upload stopped before its end: the connection was cut, or the multipart body has no closing
 * boundary.
 */
public class IncompleteUploadException extends DomainException {

  private static final long serialVersionUID = 1L;

  public IncompleteUploadException() {
    super(
        ProblemKind.INVALID_INPUT,
        "The upload did not arrive complete: the request body ended (or the connection"
            + " was cut) before the multipart body's closing boundary. Nothing was stored; send the file again.",
        "file");
  }
}
