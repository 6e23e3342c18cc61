package io.regulus.ui.platform;

import io.regulus.tenancy.Firm;
import io.regulus.tenancy.Tenant;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/** A tenant of the registry as the platform pages show it (dates as dates the page formats). */
public record TenantRow(
    String slug,
    String displayName,
    String status,
    String firm,
    Date createdAt,
    Date suspendedAt,
    Date deletedAt)
    implements Serializable {

  static TenantRow of(Tenant tenant) {
    return new TenantRow(
        tenant.slug().value(),
        tenant.displayName(),
        tenant.status().name().toLowerCase(Locale.ROOT),
        tenant.firm().map(Firm::slug).map(Object::toString).orElse(null),
        date(tenant.createdAt()),
        date(tenant.suspendedAt()),
        date(tenant.deletedAt()));
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
