package io.regulus.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A client organisation in the platform registry. Created PROVISIONING by {@link
 * TenantProvisioner}, which creates and migrates its schema and only then marks it ACTIVE; the
 * schema name never changes. See {@link TenantStatus} for the life cycle; a DELETED tenant stays as
 * a tombstone.
 */
@Entity
@Table(name = "tenant", schema = "platform")
public class Tenant {

  @Id private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private String slug;

  @Column(name = "schema_name", nullable = false, unique = true, updatable = false)
  private String schemaName;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TenantStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "activated_at")
  private OffsetDateTime activatedAt;

  @Column(name = "suspended_at")
  private OffsetDateTime suspendedAt;

  @Column(name = "deleted_at")
  private OffsetDateTime deletedAt;

  /** The consulting firm this tenant is a client of; null for a direct customer. */
  @ManyToOne
  @JoinColumn(name = "firm_id", updatable = false)
  private Firm firm;

  @Version private long version;

  protected Tenant() {}

  public Long id() {
    return id;
  }

  public TenantSlug slug() {
    return new TenantSlug(slug);
  }

  public String schemaName() {
    return schemaName;
  }

  public String displayName() {
    return displayName;
  }

  public TenantStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt == null ? null : createdAt.toInstant();
  }

  public Instant activatedAt() {
    return activatedAt == null ? null : activatedAt.toInstant();
  }

  public Instant suspendedAt() {
    return suspendedAt == null ? null : suspendedAt.toInstant();
  }

  public Instant deletedAt() {
    return deletedAt == null ? null : deletedAt.toInstant();
  }

  public java.util.Optional<Firm> firm() {
    return java.util.Optional.ofNullable(firm);
  }

  /** The registration's version: it moves on with every change (a suspension, a resume, ...). */
  public long version() {
    return version;
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }

  void activate(Instant at) {
    status = TenantStatus.ACTIVE;
    activatedAt = at.atOffset(ZoneOffset.UTC);
  }

  void suspend(Instant at) {
    if (!status.suspendable()) {
      throw new TenantStatusException(slug(), status, TenantStatus.ACTIVE, "suspend");
    }
    status = TenantStatus.SUSPENDED;
    suspendedAt = at.atOffset(ZoneOffset.UTC);
  }

  void resume() {
    if (!status.resumable()) {
      throw new TenantStatusException(slug(), status, TenantStatus.SUSPENDED, "resume");
    }
    status = TenantStatus.ACTIVE;
    suspendedAt = null;
  }

  void markDeleted(Instant at) {
    requireStatus(TenantStatus.SUSPENDED, "delete");
    status = TenantStatus.DELETED;
    deletedAt = at.atOffset(ZoneOffset.UTC);
  }

  private void requireStatus(TenantStatus required, String step) {
    if (status != required) {
      throw new TenantStatusException(slug(), status, required, step);
    }
  }

  /** The handle that tenant-scoped code receives; only an active tenant has one. */
  public ActiveTenant toActive() {
    return access().toActive();
  }

  /** What a request needs of this registration. */
  public TenantAccess access() {
    return new TenantAccess(slug(), schemaName, status, firm().map(Firm::slug));
  }

  /**
   * The schema of a tenant that is not being served (suspended, or being provisioned or imported).
   */
  public String schemaNameForMaintenance() {
    return schemaName;
  }
}
