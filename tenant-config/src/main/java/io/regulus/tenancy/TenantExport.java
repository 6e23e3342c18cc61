package io.regulus.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An export of one tenant's whole data (the archive itself, a large object, is read apart, by
 * {@link TenantExports#copy}); it outlives the tenant, so a deleted tenant's data can still be
 * handed back.
 */
@Entity
@Table(name = "tenant_export", schema = "platform")
public class TenantExport {

  @Id private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "tenant_id", updatable = false)
  private Tenant tenant;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "schema_version", nullable = false, updatable = false)
  private String schemaVersion;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(name = "archive_oid", nullable = false, updatable = false)
  private long archiveOid;

  /**
   * The tenant's registry version when this export was taken during its suspension, after waiting
   * for every transaction admitted before it; null when taken while the tenant was active.
   */
  @Column(name = "suspension_version", updatable = false)
  private Long suspensionVersion;

  protected TenantExport() {}

  public Long id() {
    return id;
  }

  public Tenant tenant() {
    return tenant;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public String createdBy() {
    return createdBy;
  }

  public String schemaVersion() {
    return schemaVersion;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  long archiveOid() {
    return archiveOid;
  }

  /**
   * Whether this export holds every change the tenant can have while it stays in its current
   * suspension: taken during it, once every transaction admitted before it had ended.
   */
  public boolean isOfSuspension(Tenant tenant) {
    return tenant.status() == TenantStatus.SUSPENDED
        && suspensionVersion != null
        && suspensionVersion == tenant.version();
  }
}
