package io.regulus.evidence;

/**
 * The evidence rules of one action as they stand, for a page to offer what they allow: whether it
 * takes evidence of its own, whether its evidence may be removed, and the limits of an upload. The
 * service checks each rule again on every change.
 *
 * @param ownEvidence false when the action follows its parent and shows the parent's evidence
 * @param removable its evidence may be deleted: it has its own, and its test status is not passed,
 *     failed or out of scope
 * @param count how many pieces it holds now
 * @param maxPerAction how many pieces one action may hold (REGULUS_EVIDENCE_MAX_PER_ACTION)
 * @param maxBytes the largest file one upload may store (REGULUS_EVIDENCE_MAX_BYTES)
 */
public record EvidenceRules(
    boolean ownEvidence, boolean removable, long count, int maxPerAction, long maxBytes) {

  /** The largest file in words: "25 MB". */
  public String maxSize() {
    return EvidenceTooLargeException.readable(maxBytes);
  }

  /** The accepted file types with their extensions, in words. */
  public String acceptedTypes() {
    return EvidenceFileType.acceptedList();
  }
}
