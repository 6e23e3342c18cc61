package io.regulus.api.security;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** A missing, malformed, forged, expired or misdirected bearer token. */
public class InvalidTokenException extends DomainException {

  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String reason) {
    super(ProblemKind.UNAUTHENTICATED, reason);
  }
}
