package io.regulus.scoring;

/** An assessment's status from its controls' statuses (rule 8). */
public enum AssessmentStatus {
  COMPLETE,
  INCOMPLETE,
  OUT_OF_SCOPE,
  NONE,
  IN_PROGRESS
}
