package io.regulus.api.security;

import io.regulus.identity.Caller;
import io.regulus.identity.PlatformRole;
import io.regulus.identity.TenantRole;
import io.regulus.tenancy.InvalidTenantSlugException;
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

/**
 * Reads the {@link Caller} from verified claims. Tenant roles come from the {@code groups} claim, whose entries
 * are Keycloak group paths {@code /tenants/<tenant>/<role>}; platform roles from {@code realm_access.roles}.
 * Entries of any other shape are ignored.
 */
public final class CallerClaims {

  private static final String TENANT_GROUPS = "/tenants/";

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
        platformRoles(claims));
  }

  static Map<TenantSlug, TenantRole> tenantRoles(List<String> groups) {
    Map<TenantSlug, TenantRole> roles = new HashMap<>();
    for (String group : groups) {
      if (!group.startsWith(TENANT_GROUPS)) {
        continue;
      }
      String[] path = group.substring(TENANT_GROUPS.length()).split("/", -1);
      if (path.length != 2) {
        continue;
      }
      Optional<TenantRole> role = TenantRole.fromId(path[1]);
      slug(path[0]).ifPresent(slug -> role.ifPresent(r -> roles.merge(slug, r, TenantRole::strongest)));
    }
    return roles;
  }

  private static Set<PlatformRole> platformRoles(JsonObject claims) {
    Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
    if (claims.get("realm_access") instanceof JsonObject realmAccess) {
      strings(realmAccess.get("roles")).forEach(name -> PlatformRole.fromId(name).ifPresent(roles::add));
    }
    return roles;
  }

  private static Optional<TenantSlug> slug(String value) {
    try {
      return Optional.of(new TenantSlug(value));
    } catch (InvalidTenantSlugException e) {
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
