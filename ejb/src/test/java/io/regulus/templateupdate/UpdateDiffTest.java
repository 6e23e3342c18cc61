package io.regulus.templateupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ManagedBy;
import io.regulus.template.ActionContent;
import io.regulus.template.TemplateControl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff between an assessment's snapshot and a template version, before anything changes. */
class UpdateDiffTest {

  private static final List<TemplateControl> BEFORE =
      List.of(
          control("C-1", "Access", "keep", "remap"),
          control("C-2", "Logging", "gone"),
          control("C-3", "Backups", "reworded"));

  private static final List<TemplateControl> AFTER =
      List.of(
          control("C-1", "Access control", "keep"),
          control("C-3", "Backups", "reworded", "remap"),
          control("C-4", "Recovery", "fresh"));

  private static final Map<String, ActionContent> CATALOGUE =
      Map.of(
          "keep", action("keep", "Keep", 5),
          "remap", action("remap", "Remap", 3),
          "gone", action("gone", "Gone", 9),
          "reworded", action("reworded", "Reworded", 4));

  private static final Map<String, ActionContent> TARGET =
      Map.of(
          "keep", action("keep", "Keep", 5),
          "remap", action("remap", "Remap", 3),
          "gone", action("gone", "Gone", 9),
          "reworded", action("reworded", "Reworded, better", 7),
          "fresh", action("fresh", "Fresh", 27));

  private final UpdateDiff diff = UpdateDiff.between(BEFORE, AFTER, CATALOGUE, TARGET);

  @Test
  void controlsAreAddedRemovedOrChangedByTextOrMapping() {
    assertThat(diff.controls())
        .extracting(UpdateDiff.ControlChange::id, UpdateDiff.ControlChange::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("C-1", UpdateDiff.Change.CHANGED),
            org.assertj.core.groups.Tuple.tuple("C-3", UpdateDiff.Change.CHANGED),
            org.assertj.core.groups.Tuple.tuple("C-4", UpdateDiff.Change.ADDED),
            org.assertj.core.groups.Tuple.tuple("C-2", UpdateDiff.Change.REMOVED));
    UpdateDiff.ControlChange first = diff.controls().get(0);
    assertThat(first.fields()).containsExactly("title", "description", "actions");
    assertThat(first.actionsRemoved()).containsExactly("remap");
    assertThat(diff.controls().get(1).actionsAdded()).containsExactly("remap");
    assertThat(diff.controls().get(3).actionsRemoved()).containsExactly("gone");
  }

  @Test
  void actionsAreAddedRemovedOrChangedByMappingOrContentAndUnchangedOnesAreLeftOut() {
    assertThat(diff.actions())
        .extracting(UpdateDiff.ActionChange::key, UpdateDiff.ActionChange::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fresh", UpdateDiff.Change.ADDED),
            org.assertj.core.groups.Tuple.tuple("gone", UpdateDiff.Change.REMOVED),
            org.assertj.core.groups.Tuple.tuple("remap", UpdateDiff.Change.CHANGED),
            org.assertj.core.groups.Tuple.tuple("reworded", UpdateDiff.Change.CHANGED));
    UpdateDiff.ActionChange remap = diff.actions().get(2);
    assertThat(remap.fields()).containsExactly("controls");
    assertThat(remap.controlsBefore()).containsExactly("C-1");
    assertThat(remap.controlsAfter()).containsExactly("C-3");
    UpdateDiff.ActionChange reworded = diff.actions().get(3);
    assertThat(reworded.fields()).containsExactly("title", "description", "points");
    assertThat(reworded.before().points()).isEqualTo(4);
    assertThat(reworded.after().points()).isEqualTo(7);
    assertThat(diff.actions().get(0).title()).isEqualTo("Fresh");
  }

  @Test
  void theSameVersionHasNoDiff() {
    assertThat(UpdateDiff.between(BEFORE, BEFORE, CATALOGUE, CATALOGUE).isEmpty()).isTrue();
  }

  static TemplateControl control(String id, String title, String... actions) {
    return new TemplateControl(
        id, "Family", title, "About " + title, true, "PREVENTATIVE", false, List.of(actions));
  }

  static ActionContent action(String key, String title, int points) {
    return new ActionContent(
        key,
        title,
        "Why " + title,
        null,
        ActionType.OPERATIONAL,
        points,
        "Policy",
        null,
        ManagedBy.CUSTOMER,
        "MANUAL",
        null);
  }
}
