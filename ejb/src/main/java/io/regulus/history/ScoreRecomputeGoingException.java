package io.regulus.history;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** A score recomputation cannot start while another one is going: one runs at a time. */
public class ScoreRecomputeGoingException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final long executionId;

  public ScoreRecomputeGoingException(ScoreRecompute going) {
    super(
        ProblemKind.CONFLICT,
        "The score recomputation "
            + going.executionId()
            + (going.day() == null ? "" : " (recording " + going.day() + ")")
            + " is "
            + going.status()
            + ": one runs at a time, so start this one once it has ended.");
    this.executionId = going.executionId();
  }

  /** The run that is going. */
  public long executionId() {
    return executionId;
  }
}
