package io.regulus.identity;

import io.regulus.tenancy.TenantSlug;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated user of one request, read from the verified token alone.
 *
 * @param subject Keycloak's stable user id
 * @param tenantRoles the user's role in each tenant they belong to
 */
public record Caller(
    String subject,
    String username,
    String email,
    String name,
    Map<TenantSlug, TenantRole> tenantRoles,
    Set<PlatformRole> platformRoles) {

  public Caller {
    tenantRoles = Map.copyOf(tenantRoles);
    platformRoles = Set.copyOf(platformRoles);
  }

  public Optional<TenantRole> roleIn(TenantSlug tenant) {
    return Optional.ofNullable(tenantRoles.get(tenant));
  }

  public boolean has(PlatformRole role) {
    return platformRoles.contains(role);
  }
}
