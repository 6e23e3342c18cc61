package io.regulus.alert;

import java.time.Instant;

/** One status change of an alert: from, to, why, who (Keycloak id and name) and when. */
public record AlertStatusChange(
    AlertStatus from,
    AlertStatus to,
    String comment,
    String changedBy,
    String changedByName,
    Instant changedAt)
    implements java.io.Serializable {}
