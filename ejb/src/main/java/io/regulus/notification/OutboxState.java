package io.regulus.notification;

/** Where a queued mail is: waiting for its next attempt, sent, or failed for good. */
public enum OutboxState {
  /** Queued, or failed and waiting for its next attempt. */
  WAITING,
  /** Taken by the SMTP server. */
  SENT,
  /** Refused on every attempt (or its address is malformed): left for an operator. */
  FAILED;

  /** The state of that name (any case), or null for none; another name is refused naming them. */
  public static OutboxState named(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    for (OutboxState state : values()) {
      if (state.name().equalsIgnoreCase(name.trim())) {
        return state;
      }
    }
    throw new io.regulus.problem.DomainException(
        io.regulus.problem.ProblemKind.INVALID_INPUT,
        "The state '" + name + "' is none of WAITING, SENT or FAILED: name one, or leave it out.",
        "state");
  }
}
