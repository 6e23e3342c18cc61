package io.regulus.action;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * A change made to a version of the instance that is no longer its current one: nothing was
 * written.
 */
public class StaleVersionException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final transient ActionInstance current;

  public StaleVersionException(ActionInstance current, long expected) {
    super(
        ProblemKind.PRECONDITION_FAILED,
        "Action "
            + current.id()
            + " changed since you read it (your version "
            + expected
            + ", now "
            + current.version()
            + "): nothing was written. Its current state is given with this"
            + " refusal; apply your change to it and send it again.");
    this.current = current;
  }

  @Override
  public ActionInstance current() {
    return current;
  }
}
