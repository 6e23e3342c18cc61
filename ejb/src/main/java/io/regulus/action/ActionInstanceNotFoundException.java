package io.regulus.action;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** No action instance of that id in this tenant. */
public class ActionInstanceNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public ActionInstanceNotFoundException(long id) {
    super(ProblemKind.NOT_FOUND, "No improvement action " + id + " in this tenant.");
  }
}
