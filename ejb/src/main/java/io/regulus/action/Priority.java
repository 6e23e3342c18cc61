package io.regulus.action;

/** How urgent an action instance is to the tenant (ours: Compliance Manager has none). */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
