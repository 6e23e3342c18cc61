package io.regulus.scoring;

/**
 * An action instance's test status (docs/workflow.md, "Statuses"); the last three come from
 * automatic testing.
 */
public enum TestStatus {
  NONE,
  NOT_ASSESSED,
  IN_PROGRESS,
  PASSED,
  FAILED_LOW_RISK,
  FAILED_MEDIUM_RISK,
  FAILED_HIGH_RISK,
  OUT_OF_SCOPE,
  TO_BE_DETECTED,
  COULD_NOT_BE_DETECTED,
  PARTIALLY_TESTED;

  public boolean failed() {
    return this == FAILED_LOW_RISK || this == FAILED_MEDIUM_RISK || this == FAILED_HIGH_RISK;
  }

  /** A status only automatic testing gives (or a person overriding it, with a reason). */
  public boolean automatic() {
    return this == TO_BE_DETECTED || this == COULD_NOT_BE_DETECTED || this == PARTIALLY_TESTED;
  }

  /** Not tested yet: nothing is known of the result. */
  public boolean untested() {
    return this == NONE || this == NOT_ASSESSED || this == TO_BE_DETECTED;
  }
}
