package io.regulus.directory;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * Keycloak could not be reached in time, or refused Regulus's admin client: nothing was changed by
 * Regulus.
 */
public class DirectoryUnavailableException extends DomainException {

  private static final long serialVersionUID = 1L;

  public DirectoryUnavailableException(String detail, Throwable cause) {
    super(ProblemKind.UNAVAILABLE, detail);
    initCause(cause);
  }
}
