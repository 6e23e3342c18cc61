package io.regulus.assessment;

import io.regulus.scoring.ControlResponsibility;
import java.util.List;

/**
 * A control of an assessment's snapshot, with the keys of its actions and its responsibility,
 * derived from theirs, and the link to the official text it restates (null for a tenant's own
 * controls).
 */
public record AssessmentControl(
    String id,
    String family,
    String title,
    String description,
    boolean mandatory,
    String nature,
    ControlResponsibility managedBy,
    boolean fromExtension,
    List<String> actions,
    String source) {

  public AssessmentControl {
    actions = List.copyOf(actions);
  }
}
