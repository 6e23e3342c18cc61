package io.regulus.alert;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an alert stands. A new alert is ACTIVE; someone investigates it, then resolves or dismisses
 * it; a resolved or dismissed alert can be reopened (ACTIVE again). Moving to the status it has is
 * not a change.
 */
public enum AlertStatus {
  ACTIVE,
  INVESTIGATING,
  RESOLVED,
  DISMISSED;

  /** The statuses this one may move to. */
  public Set<AlertStatus> next() {
    return switch (this) {
      case ACTIVE -> EnumSet.of(INVESTIGATING, RESOLVED, DISMISSED);
      case INVESTIGATING -> EnumSet.of(ACTIVE, RESOLVED, DISMISSED);
      case RESOLVED, DISMISSED -> EnumSet.of(ACTIVE);
    };
  }

  /**
   * The status a request names (null for none, when {@code field} is optional); an unknown name is
   * refused naming the field and the statuses there are.
   */
  public static AlertStatus parse(String name, String field) {
    return name == null || name.isBlank() ? null : Named.parse(AlertStatus.class, name, field);
  }

  public boolean mayMoveTo(AlertStatus target) {
    return next().contains(target);
  }
}
