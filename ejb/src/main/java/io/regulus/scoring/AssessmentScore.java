package io.regulus.scoring;

import java.util.Map;

/**
 * An assessment's score over its distinct actions, its status, its progress (share of in-scope
 * controls passed, rounded to 4 places) and each control's status.
 */
public record AssessmentScore(
    String id,
    String name,
    String group,
    String regulation,
    Score score,
    AssessmentStatus status,
    double progress,
    Map<String, ControlStatus> controls) {

  public AssessmentScore {
    controls = Map.copyOf(controls);
  }
}
