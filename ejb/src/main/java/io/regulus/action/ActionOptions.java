package io.regulus.action;

import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.util.List;

/**
 * What a member may change of one action instance and the values it takes, as {@link
 * ActionWorkflow} decides: a page offers these controls and no others, and the workflow decides
 * again on whatever is sent.
 *
 * @param implementation may set the implementation status and date (contributors and admins; not on
 *     an action that follows its parent)
 * @param test may record the test status and passed fraction (assessors and admins; not on an
 *     action that follows its parent)
 * @param notes may change the notes (whoever works on actions)
 * @param assignment may assign the action, set its due date and priority (admins)
 * @param testStatuses the test statuses a person may set on this action (those of automatic testing
 *     only on an automatically tested one)
 * @param overrideNeedsReason a test status set by hand overrides an automatic test and needs a
 *     reason
 */
public record ActionOptions(
    boolean implementation,
    boolean test,
    boolean notes,
    boolean assignment,
    List<ImplementationStatus> implementationStatuses,
    List<TestStatus> testStatuses,
    boolean overrideNeedsReason) {

  public ActionOptions {
    implementationStatuses = List.copyOf(implementationStatuses);
    testStatuses = List.copyOf(testStatuses);
  }

  /** Whether any of the action's workflow values may be changed. */
  public boolean changesAnything() {
    return implementation || test || notes || assignment;
  }
}
