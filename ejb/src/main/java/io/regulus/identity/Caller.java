package io.regulus.identity;

import io.regulus.audit.Actor;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated user of one request, read from the verified token alone.
 *
 * @param subject Keycloak's stable user id
 * @param tenantRoles the user's own role in each tenant they were added to
 * @param firmRoles the user's role in each consulting firm they belong to
 */
public record Caller(
    String subject,
    String username,
    String email,
    String name,
    Map<TenantSlug, TenantRole> tenantRoles,
    Map<FirmSlug, FirmRole> firmRoles,
    Set<PlatformRole> platformRoles) {

  public Caller {
    tenantRoles = Map.copyOf(tenantRoles);
    firmRoles = Map.copyOf(firmRoles);
    platformRoles = Set.copyOf(platformRoles);
  }

  /**
   * The caller's role in a tenant: the stronger of their own role there and the role their firm role gives in
   * every client, when the tenant is a client of that firm ({@code tenantFirm}).
   */
  public Optional<TenantRole> roleIn(TenantSlug tenant, Optional<FirmSlug> tenantFirm) {
    Optional<TenantRole> own = Optional.ofNullable(tenantRoles.get(tenant));
    Optional<TenantRole> throughFirm = tenantFirm.flatMap(this::roleIn).flatMap(FirmRole::inEveryClient);
    if (own.isPresent() && throughFirm.isPresent()) {
      return Optional.of(own.get().strongest(throughFirm.get()));
    }
    return own.isPresent() ? own : throughFirm;
  }

  public Optional<FirmRole> roleIn(FirmSlug firm) {
    return Optional.ofNullable(firmRoles.get(firm));
  }

  /** Whether a firm role may give this caller a role in tenants they were not added to. */
  public boolean reachesClientsThroughFirm() {
    return firmRoles.values().stream().anyMatch(role -> role.inEveryClient().isPresent());
  }

  /** The caller as the audit log records them. */
  public Actor actor() {
    return new Actor(subject, username);
  }

  public boolean has(PlatformRole role) {
    return platformRoles.contains(role);
  }
}
