package io.regulus.scoring;

/**
 * What kind of work an improvement action is. A customer-managed technical action has one status
 * for the whole tenant; an operational or documentation action has one per assessment group.
 */
public enum ActionType {
  TECHNICAL,
  OPERATIONAL,
  DOCUMENTATION;

  public boolean perGroup() {
    return this != TECHNICAL;
  }
}
