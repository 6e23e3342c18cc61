package io.regulus.access;

import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;

/**
 * The Keycloak group paths of the identity model (docs/identity.md): {@code
 * /tenants/<tenant>/<role>} and {@code /firms/<firm>/<role>}. The token's {@code groups} claim
 * carries these paths.
 */
public final class GroupPaths {

  /** The prefix of every tenant group path. */
  public static final String TENANTS = "/tenants/";

  /** The prefix of every firm group path. */
  public static final String FIRMS = "/firms/";

  private GroupPaths() {}

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

  /**
   * The {@code [name, role]} of a path {@code <prefix><name>/<role>}; empty for a path of another
   * shape.
   */
  static java.util.Optional<String[]> parse(String path, String prefix) {
    if (path == null || !path.startsWith(prefix)) {
      return java.util.Optional.empty();
    }
    String[] parts = path.substring(prefix.length()).split("/", -1);
    return parts.length == 2 ? java.util.Optional.of(parts) : java.util.Optional.empty();
  }
}
