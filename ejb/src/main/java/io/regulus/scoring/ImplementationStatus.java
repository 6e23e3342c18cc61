package io.regulus.scoring;

/** An action instance's implementation status (docs/workflow.md, "Statuses"). */
public enum ImplementationStatus {
  NOT_IMPLEMENTED,
  PLANNED,
  IMPLEMENTED,
  ALTERNATIVE_IMPLEMENTATION,
  OUT_OF_SCOPE;

  /**
   * Implemented, or implemented another way: the only statuses that can earn points and be tested.
   */
  public boolean done() {
    return this == IMPLEMENTED || this == ALTERNATIVE_IMPLEMENTATION;
  }
}
