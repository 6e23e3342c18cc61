package io.regulus.invitation;

import io.regulus.tenancy.Tenant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * An invitation of one address to one tenant with a role (a tenant role's id: admin, assessor,
 * contributor, reader). Its id is a random UUID. Sending it again renews it in place.
 */
@Entity
@Table(name = "invitation", schema = "platform")
public class Invitation {

  @Id private String id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "tenant_id", nullable = false, updatable = false)
  private Tenant tenant;

  @Column(nullable = false, updatable = false)
  private String email;

  @Column(nullable = false)
  private String role;

  @Column(name = "invited_by", nullable = false)
  private String invitedBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  protected Invitation() {}

  Invitation(
      Tenant tenant, String email, String role, String invitedBy, Instant now, Instant expires) {
    this.id = UUID.randomUUID().toString();
    this.tenant = tenant;
    this.email = email;
    renew(role, invitedBy, now, expires);
  }

  /** The invitation sent again: the new role and sender, valid from now. */
  void renew(String role, String invitedBy, Instant now, Instant expires) {
    this.role = role;
    this.invitedBy = invitedBy;
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.expiresAt = expires.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public Tenant tenant() {
    return tenant;
  }

  public String email() {
    return email;
  }

  public String role() {
    return role;
  }

  public String invitedBy() {
    return invitedBy;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }
}
