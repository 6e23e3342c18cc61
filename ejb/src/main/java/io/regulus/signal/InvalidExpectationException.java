package io.regulus.signal;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;

/**
 * A test rule's {@code expect} that does not compile, or does not give a bool: a 422 on {@code
 * test.expect} with the CEL compiler's message.
 */
public class InvalidExpectationException extends InvalidInputException {

  private final String message;

  public InvalidExpectationException(String expect, String compilerMessage) {
    super(
        new Violation(
            "test.expect",
            "'" + expect + "' is not a CEL expression giving a bool: " + compilerMessage));
    this.message = "'" + expect + "' is not a CEL expression giving a bool: " + compilerMessage;
  }

  @Override
  public String getMessage() {
    return message;
  }
}
