package io.regulus.alert;

/**
 * What a policy's threshold counts: score points, percentage points of the score (achieved over
 * possible), or days before evidence expires.
 */
public enum ThresholdUnit {
  POINTS,
  PERCENT,
  DAYS
}
