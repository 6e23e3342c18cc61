package io.regulus.tenancy;

import java.util.Optional;

/**
 * What a request needs of a tenant's registration: its status and the firm it is a client of.
 * Immutable, so a node can keep it between requests ({@link TenantLookup}).
 */
public record TenantAccess(
    TenantSlug slug, String schemaName, TenantStatus status, Optional<FirmSlug> firm) {

  /** The handle that tenant-scoped code receives; only an active tenant has one. */
  public ActiveTenant toActive() {
    if (status == TenantStatus.SUSPENDED) {
      throw new TenantSuspendedException(slug);
    }
    if (status != TenantStatus.ACTIVE) {
      throw new TenantNotFoundException(slug);
    }
    return new ActiveTenant(slug, schemaName);
  }
}
