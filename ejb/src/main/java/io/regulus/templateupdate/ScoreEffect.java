package io.regulus.templateupdate;

import io.regulus.scoring.AssessmentScore;
import io.regulus.scoring.Score;
import io.regulus.scoring.ScoredAction;
import io.regulus.scoring.ScoringEngine;
import io.regulus.scoring.ScoringInput;
import io.regulus.scoring.TenantScores;
import io.regulus.template.ActionContent;
import io.regulus.template.TemplateControl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An update's effect on the scores, computed by the scoring engine over the tenant's statuses as
 * they are: before, and with the updated assessments' controls replaced and the changed actions'
 * content in place (across the tenant, as the catalogue is shared). An action new to the tenant
 * counts as not implemented.
 */
public record ScoreEffect(
    List<AssessmentEffect> assessments, Score tenantBefore, Score tenantAfter) {

  public ScoreEffect {
    assessments = List.copyOf(assessments);
  }

  /**
   * One assessment's score and progress (share of in-scope controls passed) before and after. An
   * assessment of another group or template appears when a shared action's change moves its score.
   */
  public record AssessmentEffect(
      long id,
      String name,
      String group,
      Score before,
      Score after,
      double progressBefore,
      double progressAfter) {}

  /**
   * The effect of giving the assessments {@code updated} (by id) those controls, with the actions'
   * content {@code content} (by key; it replaces the input's for every assessment).
   */
  public static ScoreEffect of(
      ScoringInput input,
      Map<Long, List<TemplateControl>> updated,
      Map<String, ActionContent> content) {
    Map<String, ScoredAction> actions = new HashMap<>(input.actions());
    content.forEach((key, action) -> actions.put(key, action.scored()));
    List<ScoringInput.Assessment> assessments = new ArrayList<>();
    for (ScoringInput.Assessment assessment : input.assessments()) {
      List<TemplateControl> controls = updated.get(Long.parseLong(assessment.id()));
      assessments.add(
          controls == null
              ? assessment
              : new ScoringInput.Assessment(
                  assessment.id(),
                  assessment.name(),
                  assessment.regulation(),
                  assessment.group(),
                  controls.stream()
                      .map(control -> new ScoringInput.Control(control.id(), control.actions()))
                      .toList()));
    }
    TenantScores before = ScoringEngine.score(input);
    TenantScores after =
        ScoringEngine.score(new ScoringInput(actions, assessments, input.states()));
    List<AssessmentEffect> effects = new ArrayList<>();
    for (ScoringInput.Assessment assessment : input.assessments()) {
      AssessmentScore was = before.assessments().get(assessment.id());
      AssessmentScore now = after.assessments().get(assessment.id());
      boolean moved =
          updated.containsKey(Long.parseLong(assessment.id()))
              || !was.score().equals(now.score())
              || was.progress() != now.progress();
      if (moved) {
        effects.add(
            new AssessmentEffect(
                Long.parseLong(assessment.id()),
                assessment.name(),
                assessment.group(),
                was.score(),
                now.score(),
                was.progress(),
                now.progress()));
      }
    }
    return new ScoreEffect(effects, before.tenant(), after.tenant());
  }
}
