package io.regulus.evidence;

/** A piece of evidence is a file kept by Regulus or a link to where the proof lives. */
public enum EvidenceKind {
  FILE,
  LINK
}
