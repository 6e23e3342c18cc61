package io.regulus.tenancy;

import io.regulus.tenancy.archive.TenantArchive;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Exports an active or suspended tenant: its schema read in one snapshot into a {@link
 * TenantArchive}, which is stored in the platform schema with its SHA-256 and outlives the tenant.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantExporter {

  @EJB private TenantRegistry registry;
  @Inject private TenantArchive archives;

  public TenantExport export(TenantSlug slug, String createdBy) {
    Tenant tenant = registry.require(slug);
    if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
      throw new TenantStatusException(slug, tenant.status(), TenantStatus.ACTIVE, "export");
    }
    byte[] archive = archives.export(tenant.schemaNameForMaintenance(), slug.value());
    return registry.recordExport(
        slug, createdBy, TenantArchive.read(archive).schemaVersion(), archive, sha256(archive));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
