package io.regulus.action;

/**
 * Who records an action's test result (docs/workflow.md, "Automatic testing and overrides" and
 * "Parent testing source"): a person, an automatic tester, or the parent action whose instance this
 * one follows. Stored by name in {@code action.testing_source}, and shown by name in the API.
 */
public enum TestingSource {
  MANUAL,
  AUTOMATIC,
  PARENT;

  /**
   * Whether a test status set by hand overrides the result of this source, and so needs a reason,
   * kept in the history (docs/workflow.md, "Automatic testing and overrides"). Only an automatic
   * test is overridden: a manual result is the normal way, and an action that follows its parent
   * takes no status of its own.
   */
  public boolean overriddenByHand() {
    return this == AUTOMATIC;
  }
}
