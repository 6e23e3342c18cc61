package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** No consulting firm of that slug. */
public class FirmNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public FirmNotFoundException(FirmSlug slug) {
    super(
        ProblemKind.NOT_FOUND,
        "No firm named '" + slug + "'; firms are created by a platform operator.",
        "firm");
  }
}
