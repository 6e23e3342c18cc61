package io.regulus.template.imports;

/**
 * Where an import stands. QUEUED and RUNNING may still publish; INVALID (its file has problems) and
 * PUBLISHED are final; FAILED (the server stopped under it, or a step failed) can be restarted from
 * its last checkpoint; STOPPED and ABANDONED (given up) are final and leave nothing staged.
 */
public enum ImportStatus {
  QUEUED,
  RUNNING,
  INVALID,
  PUBLISHED,
  FAILED,
  STOPPED,
  ABANDONED;

  public boolean finished() {
    return this == INVALID || this == PUBLISHED || this == STOPPED || this == ABANDONED;
  }
}
