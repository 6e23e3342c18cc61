package io.regulus.templateupdate;

import java.util.List;

/**
 * A pending update as it would land, computed before accepting it: the diff from each version the
 * group's assessments are on (usually one), and its effect on scores and progress.
 */
public record UpdatePreview(TemplateUpdate update, List<FromVersion> diffs, ScoreEffect effect) {

  public UpdatePreview {
    diffs = List.copyOf(diffs);
  }

  /** The diff for the assessments on one version. */
  public record FromVersion(String from, List<Long> assessments, UpdateDiff diff) {

    public FromVersion {
      assessments = List.copyOf(assessments);
    }
  }
}
