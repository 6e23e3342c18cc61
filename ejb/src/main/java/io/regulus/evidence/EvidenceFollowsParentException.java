package io.regulus.evidence;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * An action whose testing source is its parent shares the parent's evidence and has none of its
 * own.
 */
public class EvidenceFollowsParentException extends DomainException {

  private static final long serialVersionUID = 1L;

  EvidenceFollowsParentException(long actionId, EvidenceHolder holder) {
    super(
        ProblemKind.CONFLICT,
        "Improvement action "
            + actionId
            + " follows its parent action '"
            + holder.parentKey()
            + "' ("
            + holder.parentTitle()
            + (holder.parentGroup() == null ? "" : ", group " + holder.parentGroup())
            + ", action id "
            + holder.parentInstanceId()
            + "): it takes its statuses and its"
            + " evidence from there and has no evidence of its own. Add or remove the evidence on action "
            + holder.parentInstanceId()
            + ".");
  }
}
