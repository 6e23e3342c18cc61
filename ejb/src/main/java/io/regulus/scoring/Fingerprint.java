package io.regulus.scoring;

/**
 * What a tenant's data looked like when it was read ({@link ScoringRepository#FINGERPRINT}): its
 * structure (the assessments, groups and instances there are), the sum of its instances' versions
 * (every change of an instance moves it on by one) and the rest of its states (its evidence and the
 * date). Equal fingerprints mean nothing a score or the actions list shows has changed, so what a
 * node computed under one can be served again on that node without reading it again.
 */
public record Fingerprint(String structure, long versions, String evidence) {

  /** The fingerprint after one more change of one instance, and nothing else. */
  public Fingerprint afterOneChange() {
    return new Fingerprint(structure, versions + 1, evidence);
  }

  /** Only instances' states differ from {@code other}; the structure is the same. */
  public boolean sameStructure(Fingerprint other) {
    return other != null && structure.equals(other.structure());
  }
}
