package io.regulus.evidence;

import io.regulus.scoring.TestStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whose evidence an action instance shows, and whether it may lose any: from {@code
 * action_instance_effective}.
 *
 * @param parentInstanceId the instance this one follows (its action's testing source is its
 *     parent), or null
 * @param testStatus the effective test status (the parent's, when it follows one)
 */
record EvidenceHolder(
    long instanceId,
    Long parentInstanceId,
    String parentKey,
    String parentTitle,
    String parentGroup,
    TestStatus testStatus) {

  /** Passed, failed or out of scope: the evidence behind that result stays. */
  private static final Set<TestStatus> LOCKING =
      EnumSet.of(
          TestStatus.PASSED,
          TestStatus.FAILED_LOW_RISK,
          TestStatus.FAILED_MEDIUM_RISK,
          TestStatus.FAILED_HIGH_RISK,
          TestStatus.OUT_OF_SCOPE);

  boolean followsParent() {
    return parentInstanceId != null;
  }

  /** The instance whose evidence this one shows: its parent's, or its own. */
  long owner() {
    return followsParent() ? parentInstanceId : instanceId;
  }

  boolean evidenceLocked() {
    return LOCKING.contains(testStatus);
  }
}
