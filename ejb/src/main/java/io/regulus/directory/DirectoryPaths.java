package io.regulus.directory;

import io.regulus.identity.FirmRole;
import io.regulus.identity.TenantRole;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;

/**
 * The Keycloak group paths of the identity model (docs/identity.md): {@code /tenants/<tenant>/<role>} and
 * {@code /firms/<firm>/<role>}. The token's {@code groups} claim carries these paths.
 */
public final class DirectoryPaths {

  /** The prefix of every tenant group path. */
  public static final String TENANTS = "/tenants/";

  /** The prefix of every firm group path. */
  public static final String FIRMS = "/firms/";

  private DirectoryPaths() {}

  public static String tenant(TenantSlug tenant) {
    return TENANTS + tenant.value();
  }

  public static String tenant(TenantSlug tenant, TenantRole role) {
    return tenant(tenant) + "/" + role.id();
  }

  public static String firm(FirmSlug firm) {
    return FIRMS + firm.value();
  }

  public static String firm(FirmSlug firm, FirmRole role) {
    return firm(firm) + "/" + role.id();
  }
}
