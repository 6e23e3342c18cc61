package io.regulus.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A client organisation in the platform registry. Created PROVISIONING by {@link TenantProvisioner}, which
 * creates and migrates its schema and only then marks it ACTIVE; the schema name never changes.
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

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }

  void activate(Instant at) {
    status = TenantStatus.ACTIVE;
    activatedAt = at.atOffset(ZoneOffset.UTC);
  }

  /** The handle that tenant-scoped code receives; only an active tenant has one. */
  public ActiveTenant toActive() {
    if (!isActive()) {
      throw new TenantNotFoundException(slug());
    }
    return new ActiveTenant(slug(), schemaName);
  }
}
