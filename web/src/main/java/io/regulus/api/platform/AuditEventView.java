package io.regulus.api.platform;

import io.regulus.audit.AuditEvent;
import java.time.Instant;

/**
 * One audit event: who ({@code actorId} is Keycloak's user id), when, what, on which tenant or
 * firm.
 */
public record AuditEventView(
    long id,
    Instant occurredAt,
    String actorId,
    String actorName,
    String action,
    String tenant,
    String firm,
    String detail) {

  static AuditEventView of(AuditEvent event) {
    return new AuditEventView(
        event.id(),
        event.occurredAt(),
        event.actorId(),
        event.actorName(),
        event.action(),
        event.tenantSlug(),
        event.firmSlug(),
        event.detail());
  }
}
