package io.regulus.evidence;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.TestStatus;

/**
 * Evidence cannot be deleted once the test status is passed, failed or out of scope
 * (docs/workflow.md, "Evidence").
 */
public class EvidenceLockedException extends DomainException {

  private static final long serialVersionUID = 1L;

  EvidenceLockedException(long actionId, long evidenceId, TestStatus testStatus) {
    super(
        ProblemKind.CONFLICT,
        "Evidence "
            + evidenceId
            + " of improvement action "
            + actionId
            + " cannot be"
            + " deleted: the action's test status is "
            + testStatus
            + ", and evidence stays once a test has passed,"
            + " failed or put the action out of scope. Add newer evidence instead, or have an assessor move the test"
            + " status back (e.g. to IN_PROGRESS) first.");
  }
}
