package io.regulus.scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a tenant's scores are computed from: the actions its assessments reference, the assessments
 * with their controls' action keys, and the state of each action instance. An instance absent from
 * {@code states} is untouched (not implemented, not tested).
 */
public record ScoringInput(
    Map<String, ScoredAction> actions,
    List<Assessment> assessments,
    Map<Instance, ActionState> states) {

  public ScoringInput {
    actions = Map.copyOf(actions);
    assessments = List.copyOf(assessments);
    states = Map.copyOf(states);
    for (Assessment assessment : assessments) {
      for (Control control : assessment.controls()) {
        for (String key : control.actionKeys()) {
          if (!actions.containsKey(key)) {
            throw new IllegalArgumentException(
                "control "
                    + control.id()
                    + " of "
                    + assessment.name()
                    + " maps unknown action "
                    + key);
          }
        }
      }
    }
  }

  /**
   * An assessment: its template's regulation, its group, its controls. {@code id} tells it apart in
   * the tenant (names are unique only within a group).
   */
  public record Assessment(
      String id, String name, String regulation, String group, List<Control> controls) {

    public Assessment {
      Objects.requireNonNull(id, "an assessment has an id");
      Objects.requireNonNull(group, "an assessment is in a group");
      controls = List.copyOf(controls);
    }

    /** An assessment whose name is its id. */
    public Assessment(String name, String regulation, String group, List<Control> controls) {
      this(name, name, regulation, group, controls);
    }
  }

  /** A control of an assessment and the actions mapped to it. */
  public record Control(String id, List<String> actionKeys) {

    public Control {
      actionKeys = List.copyOf(actionKeys);
    }
  }

  /**
   * One action instance: a tenant-wide action (technical, or provider-managed) has {@code group}
   * null; a customer operational or documentation action has one instance per assessment group.
   */
  public record Instance(String actionKey, String group) {

    static Instance of(ScoredAction action, String group) {
      return new Instance(action.key(), action.perGroup() ? group : null);
    }
  }

  ActionState state(Instance instance) {
    return states.getOrDefault(instance, ActionState.UNTOUCHED);
  }
}
