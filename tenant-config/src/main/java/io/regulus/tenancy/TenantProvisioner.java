package io.regulus.tenancy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Provisions a tenant: register it PROVISIONING, create and migrate its schema, mark it ACTIVE. Each step is
 * idempotent, so provisioning again finishes a tenant that failed half-way and changes nothing for an active
 * one. A tenant is served only once ACTIVE, so a half-provisioned tenant is never served.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantProvisioner {

  private static final Logger LOG = Logger.getLogger(TenantProvisioner.class.getName());

  @EJB private TenantRegistry registry;
  @Inject private TenantMigrations migrations;

  /** What provisioning did: the tenant and whether this call created it. */
  public record Provisioned(Tenant tenant, boolean created) {}

  public Provisioned provision(TenantSlug slug, String displayName) {
    boolean created = registry.register(slug, displayName == null || displayName.isBlank() ? slug.value() : displayName);
    Tenant tenant = registry.require(slug);
    if (!tenant.isActive()) {
      long began = System.nanoTime();
      migrations.migrateTenant(slug);
      tenant = registry.activate(slug);
      LOG.info(() -> "tenant " + slug + " provisioned in " + (System.nanoTime() - began) / 1_000_000 + " ms");
    }
    return new Provisioned(tenant, created);
  }
}
