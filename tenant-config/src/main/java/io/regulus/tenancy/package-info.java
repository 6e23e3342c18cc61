/**
 * Tenants: the registry in the {@code platform} schema, one PostgreSQL schema per tenant,
 * provisioning and migrations. Invariants: a schema name is derived only from a validated {@link
 * io.regulus.tenancy.TenantSlug}; only ACTIVE tenants are served; a tenant transaction is bound to
 * exactly one tenant schema.
 */
package io.regulus.tenancy;
