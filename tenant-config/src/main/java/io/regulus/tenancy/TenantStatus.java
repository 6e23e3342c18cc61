package io.regulus.tenancy;

/**
 * A tenant's place in its life cycle: PROVISIONING, then ACTIVE, which may be SUSPENDED and
 * resumed, then DELETED (a tombstone: the schema is gone, the slug is never reused). Only ACTIVE
 * tenants are served.
 */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED,
  DELETED;

  /** Whether a tenant in this state may be suspended. */
  public boolean suspendable() {
    return this == ACTIVE;
  }

  /** Whether a tenant in this state may be resumed. */
  public boolean resumable() {
    return this == SUSPENDED;
  }

  /** Whether a tenant in this state may be exported (it has a schema and is not being made). */
  public boolean exportable() {
    return this == ACTIVE || this == SUSPENDED;
  }
}
