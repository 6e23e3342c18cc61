package io.regulus.alert;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** No alert, or no alert policy, of that id in this tenant. */
public class AlertNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  AlertNotFoundException(String what, long id, String field) {
    super(
        ProblemKind.NOT_FOUND,
        "No " + what + " " + id + " in this tenant: the tenant's list names them.",
        field);
  }
}
