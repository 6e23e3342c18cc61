package io.regulus.scoring;

/**
 * An improvement action as scoring sees it: its points (1..99, given or derived from a
 * classification), type, who manages it, and the attributes a filtered score selects on.
 */
public record ScoredAction(
    String key,
    int points,
    ActionType type,
    ManagedBy managedBy,
    String category,
    String solution) {

  public ScoredAction {
    if (points < 1 || points > 99) {
      throw new IllegalArgumentException("action " + key + ": points are 1..99, not " + points);
    }
  }

  /** Whether the action has one instance per assessment group (else one for the whole tenant). */
  public boolean perGroup() {
    return managedBy == ManagedBy.CUSTOMER && type.perGroup();
  }
}
