package io.regulus.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A consulting firm: it owns client tenants, and its consultants reach them (see docs/identity.md).
 */
@Entity
@Table(name = "firm", schema = "platform")
public class Firm {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private String slug;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Version private long version;

  protected Firm() {}

  public Firm(FirmSlug slug, String displayName, Instant createdAt) {
    this.slug = slug.value();
    this.displayName = displayName;
    this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
  }

  public Long id() {
    return id;
  }

  public FirmSlug slug() {
    return new FirmSlug(slug);
  }

  public String displayName() {
    return displayName;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
