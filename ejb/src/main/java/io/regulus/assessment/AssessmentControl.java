package io.regulus.assessment;

import java.util.List;

/** A control of an assessment's snapshot, with the keys of its actions. */
public record AssessmentControl(
    String id,
    String family,
    String title,
    String description,
    boolean mandatory,
    String nature,
    String managedBy,
    boolean fromExtension,
    List<String> actions) {

  public AssessmentControl {
    actions = List.copyOf(actions);
  }
}
