package io.regulus.api.assessment;

import io.regulus.assessment.AssessmentControl;
import io.regulus.assessment.AssessmentService;
import io.regulus.scoring.ControlResponsibility;
import io.regulus.scoring.ControlStatus;
import java.util.List;

/** An assessment with each control's status and action keys. */
public record AssessmentDetailView(AssessmentView assessment, List<ControlView> controls) {

  /**
   * A control of the assessment's snapshot, its responsibility (derived from its actions: customer,
   * provider, or shared when it holds both) and its status (passed, failed, none, out of scope, in
   * progress), and the link to the official text it restates (its article or section; none for a
   * tenant's own controls).
   */
  public record ControlView(
      String id,
      String family,
      String title,
      String description,
      boolean mandatory,
      String nature,
      ControlResponsibility managedBy,
      boolean fromExtension,
      ControlStatus status,
      List<String> actions,
      String source) {}

  static AssessmentDetailView of(AssessmentService.Scored scored) {
    return new AssessmentDetailView(
        AssessmentView.of(scored.assessment(), scored.score()),
        scored.controls().stream().map(control -> view(control, scored)).toList());
  }

  private static ControlView view(AssessmentControl control, AssessmentService.Scored scored) {
    return new ControlView(
        control.id(),
        control.family(),
        control.title(),
        control.description(),
        control.mandatory(),
        control.nature(),
        control.managedBy(),
        control.fromExtension(),
        scored.score() == null ? null : scored.score().controls().get(control.id()),
        control.actions(),
        control.source());
  }
}
