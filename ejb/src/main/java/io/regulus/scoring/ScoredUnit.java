package io.regulus.scoring;

/**
 * One counted action instance of a score and what it contributes: the explanation of a score is the
 * list of its units, and their achieved and possible points sum to it.
 *
 * @param group the assessment group of a per-group instance; null for a tenant-wide one
 * @param regulations the regulations of the assessments that reference this instance, for filtering
 * @param groups the groups of the assessments that reference this instance: a tenant-wide instance
 *     counts in the score of every group that needs it
 */
public record ScoredUnit(
    ScoredAction action,
    String group,
    ActionState state,
    double achieved,
    double possible,
    java.util.Set<String> regulations,
    java.util.Set<String> groups) {

  /** The points completing this instance would add to the achieved points. */
  public double open() {
    return possible - achieved;
  }
}
