package io.regulus.scoring;

/** A control's status from its actions' test results (rule 8). */
public enum ControlStatus {
  PASSED,
  FAILED,
  OUT_OF_SCOPE,
  NONE,
  IN_PROGRESS
}
