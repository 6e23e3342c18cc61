package io.regulus.alert;

import java.time.Instant;

/**
 * An alert a policy raised: what happened in words, the action it is about (or the score line), the
 * old and new value, and where it stands (its last status change: who, when, why).
 *
 * @param policyId null once the policy was deleted; {@code policyName} stays
 * @param instanceId the action instance it is about, or null (a score change)
 * @param scopeLabel the score line (tenant, an assessment's or category's name) of a score change
 * @param raisedBy who made the change (a Keycloak id or a system caller's name)
 */
public record Alert(
    long id,
    Long policyId,
    String policyName,
    AlertKind kind,
    Severity severity,
    String summary,
    Long instanceId,
    String actionKey,
    String scopeLabel,
    String oldValue,
    String newValue,
    Instant raisedAt,
    String raisedBy,
    AlertStatus status,
    String statusChangedBy,
    String statusChangedByName,
    Instant statusChangedAt,
    String statusComment)
    implements java.io.Serializable {}
