package io.regulus.evidence;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * No such evidence on this action (another action's, another tenant's or a deleted id look the
 * same), or no file.
 */
public class EvidenceNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  private EvidenceNotFoundException(String detail) {
    super(ProblemKind.NOT_FOUND, detail);
  }

  static EvidenceNotFoundException of(long actionId, long evidenceId) {
    return new EvidenceNotFoundException(
        "No evidence "
            + evidenceId
            + " on improvement action "
            + actionId
            + "."
            + " GET /tenants/{tenant}/actions/"
            + actionId
            + "/evidence lists the evidence it has.");
  }

  static EvidenceNotFoundException noContent(Evidence link) {
    return new EvidenceNotFoundException(
        "Evidence "
            + link.id()
            + " is a link, so Regulus keeps no content for it;"
            + " the proof is at its url: "
            + link.url());
  }
}
