package io.regulus.evidence;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * An action holds at most so many pieces of evidence (REGULUS_EVIDENCE_MAX_PER_ACTION), so its
 * evidence list and the tenant's export stay bounded.
 */
public class EvidenceLimitReachedException extends DomainException {

  private static final long serialVersionUID = 1L;

  EvidenceLimitReachedException(long actionId, int max) {
    super(
        ProblemKind.CONFLICT,
        "Improvement action "
            + actionId
            + " already holds "
            + max
            + " pieces of evidence, the most one action may hold. Delete evidence that no longer"
            + " counts before adding more, or gather several documents into one file or one link.");
  }
}
