package io.regulus.access;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** The caller is authenticated but their roles do not allow this. */
public class AccessDeniedException extends DomainException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String detail) {
    super(ProblemKind.FORBIDDEN, detail);
  }
}
