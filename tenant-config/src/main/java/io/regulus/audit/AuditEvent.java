package io.regulus.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One platform audit event: who did what, when, to which tenant or firm. Never updated. */
@Entity
@Table(name = "audit_event", schema = "platform")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Column(name = "actor_id", nullable = false, updatable = false)
  private String actorId;

  @Column(name = "actor_name", nullable = false, updatable = false)
  private String actorName;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(name = "tenant_slug", updatable = false)
  private String tenantSlug;

  @Column(name = "firm_slug", updatable = false)
  private String firmSlug;

  @Column(updatable = false)
  private String detail;

  protected AuditEvent() {}

  AuditEvent(
      Actor actor,
      AuditAction action,
      String tenantSlug,
      String firmSlug,
      String detail,
      Instant at) {
    this.occurredAt = at.atOffset(ZoneOffset.UTC);
    this.actorId = actor.id();
    this.actorName = actor.name();
    this.action = action.id();
    this.tenantSlug = tenantSlug;
    this.firmSlug = firmSlug;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt.toInstant();
  }

  public String actorId() {
    return actorId;
  }

  public String actorName() {
    return actorName;
  }

  public String action() {
    return action;
  }

  public String tenantSlug() {
    return tenantSlug;
  }

  public String firmSlug() {
    return firmSlug;
  }

  public String detail() {
    return detail;
  }
}
