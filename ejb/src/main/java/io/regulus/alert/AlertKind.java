package io.regulus.alert;

import java.util.Set;

/** The events a policy watches, and the action history's fields each one follows. */
public enum AlertKind {
  /** The day's score against the day before's, beyond a threshold in points or percent. */
  SCORE_CHANGE(Set.of()),
  /** An action's assignee or tester changed. */
  ASSIGNMENT_CHANGE(Set.of("assignee", "tester")),
  IMPLEMENTATION_STATUS_CHANGE(Set.of("implementationStatus")),
  TEST_STATUS_CHANGE(Set.of("testStatus")),
  /** A piece of evidence added or removed. */
  EVIDENCE_CHANGE(Set.of("evidence")),
  /** A piece of evidence whose validity ends within the policy's days (the daily check). */
  EVIDENCE_EXPIRING(Set.of());

  private final Set<String> fields;

  AlertKind(Set<String> fields) {
    this.fields = fields;
  }

  /** Whether a change of this history field is this kind of event. */
  public boolean follows(String field) {
    return fields.contains(field);
  }

  /** Raised by a change of an action (not by the daily checks). */
  public boolean onChange() {
    return !fields.isEmpty();
  }
}
