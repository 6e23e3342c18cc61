package io.regulus.action;

import java.time.Instant;

/**
 * One change in the tenant's activity feed: which instance, which field, from what to what, who and
 * when.
 */
public record ActivityEntry(
    long id,
    long actionId,
    String actionKey,
    Long groupId,
    String field,
    String oldValue,
    String newValue,
    String changedBy,
    String changedByName,
    Instant changedAt) {}
