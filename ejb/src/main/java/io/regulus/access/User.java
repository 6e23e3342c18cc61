package io.regulus.access;

import io.regulus.problem.DomainException;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A person signed in through Keycloak, as their verified token describes them, whichever way they
 * came (a bearer token on the API, a browser session): both end here, through {@link #fromToken}.
 *
 * @param subject Keycloak's stable user id
 * @param tenantRoles the user's own role in each tenant they were added to
 * @param firmRoles the user's role in each consulting firm they belong to
 */
public record User(
    String subject,
    String username,
    String email,
    String fullName,
    Map<TenantSlug, TenantRole> tenantRoles,
    Map<FirmSlug, FirmRole> firmRoles,
    Set<PlatformRole> platformRoles)
    implements Caller {

  public User {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("a user has a subject");
    }
    username = username == null || username.isBlank() ? subject : username;
    tenantRoles = Map.copyOf(tenantRoles);
    firmRoles = Map.copyOf(firmRoles);
    platformRoles = Set.copyOf(platformRoles);
  }

  /**
   * The user a verified token names. Tenant and firm roles come from its group paths ({@link
   * GroupPaths}: {@code /tenants/<tenant>/<role>}, {@code /firms/<firm>/<role>}), the stronger role
   * kept when a path names a tenant twice; platform roles from the realm roles. Entries of any
   * other shape are ignored.
   */
  public static User fromToken(
      String subject,
      String username,
      String email,
      String fullName,
      Collection<String> groups,
      Collection<String> realmRoles) {
    Map<TenantSlug, TenantRole> tenants = new HashMap<>();
    Map<FirmSlug, FirmRole> firms = new HashMap<>();
    for (String group : groups) {
      GroupPaths.parse(group, GroupPaths.TENANTS)
          .ifPresent(
              path ->
                  slug(path[0], TenantSlug::new)
                      .ifPresent(
                          tenant ->
                              TenantRole.fromId(path[1])
                                  .ifPresent(
                                      role -> tenants.merge(tenant, role, TenantRole::strongest))));
      GroupPaths.parse(group, GroupPaths.FIRMS)
          .ifPresent(
              path ->
                  slug(path[0], FirmSlug::new)
                      .ifPresent(
                          firm ->
                              FirmRole.fromId(path[1])
                                  .ifPresent(
                                      role -> firms.merge(firm, role, FirmRole::strongest))));
    }
    Set<PlatformRole> platform = EnumSet.noneOf(PlatformRole.class);
    realmRoles.forEach(name -> PlatformRole.fromId(name).ifPresent(platform::add));
    return new User(subject, username, email, fullName, tenants, firms, platform);
  }

  @Override
  public String id() {
    return subject;
  }

  @Override
  public String name() {
    return username;
  }

  /**
   * The user's role in a tenant: the stronger of their own role there and the role their firm role
   * gives in every client, when the tenant is a client of that firm ({@code tenantFirm}).
   */
  public Optional<TenantRole> roleIn(TenantSlug tenant, Optional<FirmSlug> tenantFirm) {
    Optional<TenantRole> own = Optional.ofNullable(tenantRoles.get(tenant));
    Optional<TenantRole> throughFirm =
        tenantFirm.flatMap(this::roleIn).flatMap(FirmRole::inEveryClient);
    if (own.isPresent() && throughFirm.isPresent()) {
      return Optional.of(own.get().strongest(throughFirm.get()));
    }
    return own.isPresent() ? own : throughFirm;
  }

  public Optional<FirmRole> roleIn(FirmSlug firm) {
    return Optional.ofNullable(firmRoles.get(firm));
  }

  /** Whether a firm role may give this user a role in tenants they were not added to. */
  public boolean reachesClientsThroughFirm() {
    return firmRoles.values().stream().anyMatch(role -> role.inEveryClient().isPresent());
  }

  public boolean has(PlatformRole role) {
    return platformRoles.contains(role);
  }

  private static <T> Optional<T> slug(String value, Function<String, T> parse) {
    try {
      return Optional.of(parse.apply(value));
    } catch (DomainException e) {
      return Optional.empty();
    }
  }
}
