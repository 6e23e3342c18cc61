package io.regulus.api.platform;

import io.regulus.tenancy.TenantExport;
import java.time.Instant;

/** A stored export of a tenant; {@code download} is where the archive is fetched. */
public record ExportView(
    long id,
    String tenant,
    Instant createdAt,
    String createdBy,
    String schemaVersion,
    long sizeBytes,
    String sha256,
    String download) {

  static ExportView of(TenantExport export) {
    String tenant = export.tenant().slug().value();
    return new ExportView(
        export.id(),
        tenant,
        export.createdAt(),
        export.createdBy(),
        export.schemaVersion(),
        export.sizeBytes(),
        export.sha256(),
        "/api/v1/platform/tenants/" + tenant + "/exports/" + export.id());
  }
}
