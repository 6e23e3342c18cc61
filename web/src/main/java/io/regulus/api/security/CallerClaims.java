package io.regulus.api.security;

import io.regulus.identity.Caller;
import io.regulus.identity.PlatformRole;
import io.regulus.identity.TenantRole;
import io.regulus.directory.DirectoryPaths;
import io.regulus.identity.FirmRole;
import io.regulus.problem.DomainException;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the {@link Caller} from verified claims. Tenant and firm roles come from the {@code groups} claim, whose
 * entries are Keycloak group paths {@code /tenants/<tenant>/<role>} and {@code /firms/<firm>/<role>}
 * ({@link DirectoryPaths}); platform roles from {@code realm_access.roles}. Entries of any other shape are
 * ignored.
 */
public final class CallerClaims {

  private CallerClaims() {}

  public static Caller toCaller(JsonObject claims) {
    String subject = TokenVerifier.string(claims, "sub");
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("The token names no subject.");
    }
    return new Caller(
        subject,
        Optional.ofNullable(TokenVerifier.string(claims, "preferred_username")).orElse(subject),
        TokenVerifier.string(claims, "email"),
        TokenVerifier.string(claims, "name"),
        tenantRoles(strings(claims.get("groups"))),
        firmRoles(strings(claims.get("groups"))),
        platformRoles(claims));
  }

  static Map<TenantSlug, TenantRole> tenantRoles(List<String> groups) {
    Map<TenantSlug, TenantRole> roles = new HashMap<>();
    for (String[] path : paths(groups, DirectoryPaths.TENANTS)) {
      Optional<TenantRole> role = TenantRole.fromId(path[1]);
      slug(path[0], TenantSlug::new).ifPresent(slug -> role.ifPresent(r -> roles.merge(slug, r, TenantRole::strongest)));
    }
    return roles;
  }

  static Map<FirmSlug, FirmRole> firmRoles(List<String> groups) {
    Map<FirmSlug, FirmRole> roles = new HashMap<>();
    for (String[] path : paths(groups, DirectoryPaths.FIRMS)) {
      Optional<FirmRole> role = FirmRole.fromId(path[1]);
      slug(path[0], FirmSlug::new).ifPresent(slug -> role.ifPresent(r -> roles.merge(slug, r, FirmRole::strongest)));
    }
    return roles;
  }

  /** The {@code [name, role]} pairs of the group paths {@code <prefix><name>/<role>}. */
  private static List<String[]> paths(List<String> groups, String prefix) {
    return groups.stream()
        .filter(group -> group.startsWith(prefix))
        .map(group -> group.substring(prefix.length()).split("/", -1))
        .filter(path -> path.length == 2)
        .toList();
  }

  private static Set<PlatformRole> platformRoles(JsonObject claims) {
    Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
    if (claims.get("realm_access") instanceof JsonObject realmAccess) {
      strings(realmAccess.get("roles")).forEach(name -> PlatformRole.fromId(name).ifPresent(roles::add));
    }
    return roles;
  }

  private static <T> Optional<T> slug(String value, Function<String, T> parse) {
    try {
      return Optional.of(parse.apply(value));
    } catch (DomainException e) {
      return Optional.empty();
    }
  }

  private static List<String> strings(JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
  }
}
