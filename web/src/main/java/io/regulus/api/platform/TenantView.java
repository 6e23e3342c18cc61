package io.regulus.api.platform;

import io.regulus.tenancy.Tenant;
import java.time.Instant;

/**
 * A tenant of the registry: its life-cycle status and dates, and the firm it is a client of (null:
 * direct).
 */
public record TenantView(
    String slug,
    String displayName,
    String status,
    String firm,
    Instant createdAt,
    Instant activatedAt,
    Instant suspendedAt,
    Instant deletedAt) {

  public static TenantView of(Tenant tenant) {
    return new TenantView(
        tenant.slug().value(),
        tenant.displayName(),
        tenant.status().name(),
        tenant.firm().map(f -> f.slug().value()).orElse(null),
        tenant.createdAt(),
        tenant.activatedAt(),
        tenant.suspendedAt(),
        tenant.deletedAt());
  }
}
