package io.regulus.tenancy;

/** Life cycle of a tenant in the registry. Only ACTIVE tenants are served. */
public enum TenantStatus {
  /** Registered; its schema is being created or migrated (or that failed and awaits a retry). */
  PROVISIONING,
  /** Schema created and migrated: served. */
  ACTIVE
}
