package io.regulus.tenancy.archive;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** An uploaded tenant archive that cannot be imported as it is; nothing was created. */
public class InvalidArchiveException extends DomainException {

  private static final long serialVersionUID = 1L;

  public InvalidArchiveException(String why) {
    super(
        ProblemKind.RULE_VIOLATED,
        "The archive cannot be imported: "
            + why
            + ". Import an archive exported by Regulus, unchanged.",
        "archive");
  }
}
