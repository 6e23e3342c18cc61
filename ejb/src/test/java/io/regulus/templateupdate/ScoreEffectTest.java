package io.regulus.templateupdate;

import static io.regulus.templateupdate.UpdateDiffTest.action;
import static io.regulus.templateupdate.UpdateDiffTest.control;
import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.scoring.ActionState;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.Score;
import io.regulus.scoring.ScoringInput;
import io.regulus.scoring.TestStatus;
import io.regulus.template.ActionContent;
import io.regulus.template.TemplateControl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An update's effect on scores, worked out by the scoring engine over the statuses as they are: a
 * new action counts as not implemented, a changed action's points count everywhere it is mapped.
 */
class ScoreEffectTest {

  private static final ActionState DONE =
      new ActionState(ImplementationStatus.IMPLEMENTED, TestStatus.PASSED, 0);

  /**
   * Two groups on one template: keep (5) and gone (9) done in both, reworded (4) open. Tenant:
   * per-group operational actions, so each group counts its own: achieved 2 * 14 of 2 * 18.
   */
  private static ScoringInput input() {
    Map<String, io.regulus.scoring.ScoredAction> actions =
        Map.of(
            "keep", action("keep", "Keep", 5).scored(),
            "gone", action("gone", "Gone", 9).scored(),
            "reworded", action("reworded", "Reworded", 4).scored());
    List<ScoringInput.Control> controls =
        List.of(
            new ScoringInput.Control("C-1", List.of("keep")),
            new ScoringInput.Control("C-2", List.of("gone")),
            new ScoringInput.Control("C-3", List.of("reworded")));
    return new ScoringInput(
        actions,
        List.of(
            new ScoringInput.Assessment("1", "A", "GDPR", "FY26", controls),
            new ScoringInput.Assessment("2", "B", "GDPR", "FY27", controls)),
        Map.of(
            new ScoringInput.Instance("keep", "FY26"), DONE,
            new ScoringInput.Instance("gone", "FY26"), DONE,
            new ScoringInput.Instance("keep", "FY27"), DONE,
            new ScoringInput.Instance("gone", "FY27"), DONE));
  }

  @Test
  void anAcceptedVersionIsScoredWithItsNewActionsOpenAndItsChangedPointsEverywhere() {
    List<TemplateControl> after =
        List.of(
            control("C-1", "Access", "keep"),
            control("C-3", "Backups", "reworded"),
            control("C-4", "Recovery", "fresh"));
    Map<String, ActionContent> target =
        Map.of(
            "keep", action("keep", "Keep", 5),
            "reworded", action("reworded", "Reworded", 7),
            "fresh", action("fresh", "Fresh", 27));

    ScoreEffect effect = ScoreEffect.of(input(), Map.of(1L, after), target);

    assertThat(effect.tenantBefore()).isEqualTo(new Score(28, 36));
    // group FY26: keep 5 done, reworded 7 open, fresh 27 open; FY27: keep 5 + gone 9 done, reworded
    // 7
    assertThat(effect.tenantAfter()).isEqualTo(new Score(19, 39 + 21));
    ScoreEffect.AssessmentEffect updated = effect.assessments().get(0);
    assertThat(updated.id()).isEqualTo(1);
    assertThat(updated.before()).isEqualTo(new Score(14, 18));
    assertThat(updated.after()).isEqualTo(new Score(5, 39));
    assertThat(updated.progressBefore()).isEqualTo(0.6667);
    assertThat(updated.progressAfter()).isEqualTo(0.3333);
    // the other group's assessment shares the changed action: its possible points move with it
    ScoreEffect.AssessmentEffect other = effect.assessments().get(1);
    assertThat(other.id()).isEqualTo(2);
    assertThat(other.before()).isEqualTo(new Score(14, 18));
    assertThat(other.after()).isEqualTo(new Score(14, 21));
  }

  @Test
  void anUpdateThatChangesNoScoreLeavesOtherAssessmentsOut() {
    List<TemplateControl> same =
        List.of(
            control("C-1", "Access", "keep"),
            control("C-2", "Logging", "gone"),
            control("C-3", "Backups", "reworded"));
    ScoreEffect effect = ScoreEffect.of(input(), Map.of(2L, same), Map.of());
    assertThat(effect.assessments())
        .extracting(ScoreEffect.AssessmentEffect::id)
        .containsExactly(2L);
    assertThat(effect.tenantAfter()).isEqualTo(effect.tenantBefore());
  }
}
