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
  DELETED
}
