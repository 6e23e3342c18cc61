package io.regulus.api.platform;

import io.regulus.tenancy.Tenant;
import java.time.Instant;

/** A tenant of the registry, as platform operators see it. */
public record TenantView(String slug, String displayName, String status, Instant createdAt, Instant activatedAt) {

  static TenantView of(Tenant tenant) {
    return new TenantView(
        tenant.slug().value(), tenant.displayName(), tenant.status().name(), tenant.createdAt(), tenant.activatedAt());
  }
}
