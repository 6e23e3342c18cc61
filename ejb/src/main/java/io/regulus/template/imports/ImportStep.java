package io.regulus.template.imports;

/** The import job's steps, in order, with the share of the progress bar each stands for. */
public enum ImportStep {
  VALIDATE(0, 20),
  STAGE(20, 95),
  PUBLISH(95, 100),
  DONE(100, 100);

  private final int from;
  private final int to;

  ImportStep(int from, int to) {
    this.from = from;
    this.to = to;
  }

  /** The whole import's percentage when this step has done {@code done} of {@code total} items. */
  public int percent(long done, long total) {
    if (total <= 0) {
      return from;
    }
    return (int) (from + (to - from) * Math.min(done, total) / total);
  }
}
