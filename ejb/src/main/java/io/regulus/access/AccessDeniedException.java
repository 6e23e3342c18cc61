package io.regulus.access;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** The caller is authenticated but their roles do not allow this. */
public class AccessDeniedException extends DomainException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String detail) {
    super(ProblemKind.FORBIDDEN, detail);
  }

  /** A refusal of one field of a request (the caller may change the others). */
  public AccessDeniedException(String detail, String field) {
    super(ProblemKind.FORBIDDEN, detail, field);
  }
}
