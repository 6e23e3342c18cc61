package io.regulus.action;

import java.time.Instant;

/**
 * One change of an action instance: the field, its old and new value, who changed it (Keycloak id,
 * and their username then) and when.
 */
public record ActionChange(
    String field,
    String oldValue,
    String newValue,
    String changedBy,
    String changedByName,
    Instant changedAt) {}
