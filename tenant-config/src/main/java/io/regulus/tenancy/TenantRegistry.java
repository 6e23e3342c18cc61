package io.regulus.tenancy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Reads and state changes of the tenant registry, each in its own transaction. */
@Stateless
public class TenantRegistry {

  @Inject private TenantRepository tenants;

  /** The tenant a request or job works in; 404 unless it exists and is ACTIVE. */
  public ActiveTenant requireActive(TenantSlug slug) {
    return tenants.find(slug).orElseThrow(() -> new TenantNotFoundException(slug)).toActive();
  }

  public Tenant require(TenantSlug slug) {
    return tenants.find(slug).orElseThrow(() -> new TenantNotFoundException(slug));
  }

  public List<Tenant> all() {
    return tenants.all();
  }

  public List<Tenant> withStatus(TenantStatus status) {
    return tenants.withStatus(status);
  }

  /** Provisioning's first step (see {@link TenantProvisioner}); true when this call registered the slug. */
  public boolean register(TenantSlug slug, String displayName) {
    return tenants.register(slug, displayName);
  }

  /** Provisioning's last step, once the schema is migrated. */
  public Tenant activate(TenantSlug slug) {
    Tenant tenant = require(slug);
    if (!tenant.isActive()) {
      tenant.activate(Instant.now());
    }
    return tenant;
  }
}
