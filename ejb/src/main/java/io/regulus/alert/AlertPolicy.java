package io.regulus.alert;

import io.regulus.access.TenantRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A tenant's alert policy: the event it watches, how much it matters, where, and who is told.
 *
 * @param threshold score change: the smallest move that raises (points or percent); evidence
 *     expiring: the days before the end of validity; else null
 * @param direction score change only: drops, rises or either
 * @param toValues status changes only: the new statuses that raise; empty for any
 * @param recipientRoles the tenant's members in these roles are told
 * @param notifyAssignee the action's assignee is told (changes of an action, expiring evidence)
 * @param notifyTester the action's tester is told
 */
public record AlertPolicy(
    long id,
    String name,
    AlertKind kind,
    Severity severity,
    BigDecimal threshold,
    ThresholdUnit unit,
    ScoreDirection direction,
    Set<String> toValues,
    PolicyScope scope,
    boolean enabled,
    Set<TenantRole> recipientRoles,
    boolean notifyAssignee,
    boolean notifyTester,
    Instant updatedAt,
    String updatedBy) {

  public AlertPolicy {
    toValues = toValues == null ? Set.of() : Set.copyOf(toValues);
    recipientRoles = recipientRoles == null ? Set.of() : Set.copyOf(recipientRoles);
  }
}
