package io.regulus.alert;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.util.stream.Collectors;

/** An alert asked to move to a status its status does not lead to (409, naming those it does). */
public class AlertTransitionException extends DomainException {

  private static final long serialVersionUID = 1L;

  AlertTransitionException(long id, AlertStatus from, AlertStatus to) {
    super(
        ProblemKind.CONFLICT,
        "Alert "
            + id
            + " is "
            + from
            + " and cannot move to "
            + to
            + "; from "
            + from
            + " it moves to "
            + from.next().stream().map(Enum::name).sorted().collect(Collectors.joining(" or "))
            + ".",
        "status");
  }
}
