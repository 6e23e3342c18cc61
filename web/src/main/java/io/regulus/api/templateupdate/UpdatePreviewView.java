package io.regulus.api.templateupdate;

import io.regulus.templateupdate.ScoreEffect;
import io.regulus.templateupdate.UpdatePreview;
import java.util.List;

/** An update's diff from each version the group is on, and its effect on the scores. */
public record UpdatePreviewView(
    TemplateUpdateView update, List<UpdatePreview.FromVersion> diffs, ScoreEffect effect) {

  static UpdatePreviewView of(UpdatePreview preview) {
    return new UpdatePreviewView(
        TemplateUpdateView.of(preview.update()), preview.diffs(), preview.effect());
  }
}
