package io.regulus.access;

import io.regulus.problem.DomainException;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.FirmRegistry;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantAccess;
import io.regulus.tenancy.TenantLookup;
import io.regulus.tenancy.TenantNotFoundException;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The one place access is decided, for every entry point alike.
 *
 * <ul>
 *   <li>Entering a tenant ({@link #enterTenant}): a user must reach it, by their own role there or
 *       a firm role that reaches every client of the tenant's firm (the stronger role wins);
 *       membership is decided before existence, so a non-member learns nothing of another tenant,
 *       not even whether it is suspended. Then the tenant must be active: suspended is refused,
 *       deleted or never provisioned is not found. A system caller enters any active tenant when it
 *       holds a tenant permission.
 *   <li>Holding a permission ({@link #require}): a user through their role in the tenant, in the
 *       firm or on the platform; a system caller through its grants.
 * </ul>
 *
 * The registry is read through {@link TenantLookup} (at most once a second per tenant and node);
 * Keycloak not at all: roles come from the verified token.
 */
@ApplicationScoped
public class AccessControl {

  @Inject private TenantLookup tenants;
  @EJB private FirmRegistry firms;

  /** The firm a request names by its slug; a malformed slug names no firm the caller belongs to. */
  public static FirmSlug firmNamed(String slug) {
    try {
      return new FirmSlug(slug);
    } catch (DomainException e) {
      throw new AccessDeniedException("You are not a member of a firm of that name.");
    }
  }

  /**
   * Enters the tenant a request names by its slug; a malformed slug names no tenant the caller
   * belongs to.
   */
  public TenantCaller enterTenant(Caller caller, String slug) {
    TenantSlug parsed;
    try {
      parsed = new TenantSlug(slug);
    } catch (DomainException e) {
      throw new AccessDeniedException("You are not a member of a tenant of that name.");
    }
    return enterTenant(caller, parsed);
  }

  public TenantCaller enterTenant(Caller caller, TenantSlug slug) {
    if (caller instanceof SystemCaller system) {
      if (system.grants().stream().noneMatch(p -> p.scope() == Permission.Scope.TENANT)) {
        throw new AccessDeniedException(
            system.name() + " holds no tenant permission, so it enters no tenant.");
      }
      return new TenantCaller(active(slug, tenants.find(slug)), caller, null);
    }
    User user = (User) caller;
    if (!user.tenantRoles().containsKey(slug) && !user.reachesClientsThroughFirm()) {
      throw notMember("tenant", slug.value());
    }
    Optional<TenantAccess> registration = tenants.find(slug);
    TenantRole role =
        user.roleIn(slug, registration.flatMap(TenantAccess::firm))
            .orElseThrow(() -> notMember("tenant", slug.value()));
    return new TenantCaller(active(slug, registration), caller, role);
  }

  /**
   * Refuses unless the caller holds the permission, given the operation's arguments: a {@link
   * TenantCaller} for a tenant permission, a {@link Caller} and a {@link FirmSlug} for a firm
   * permission, a {@link Caller} otherwise.
   */
  public void require(Permission permission, Object... arguments) {
    switch (permission.scope()) {
      case TENANT -> require(permission, argument(TenantCaller.class, permission, arguments));
      case FIRM ->
          require(
              permission,
              argument(Caller.class, permission, arguments),
              argument(FirmSlug.class, permission, arguments));
      case PLATFORM, ANY_CALLER ->
          require(permission, argument(Caller.class, permission, arguments));
    }
  }

  /**
   * Whether the caller holds the permission, given the same arguments as {@link #require}: what a
   * page asks before it offers a control. The operation behind the control checks again.
   */
  public boolean allows(Permission permission, Object... arguments) {
    try {
      require(permission, arguments);
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }

  public void require(Permission permission, TenantCaller caller) {
    expect(permission, Permission.Scope.TENANT);
    boolean holds =
        caller.caller() instanceof SystemCaller system
            ? system.holds(permission)
            : permission.tenantRoles().contains(caller.role().orElseThrow());
    if (!holds) {
      throw refused(
          caller.caller(),
          permission,
          caller.role().map(role -> "Your role in tenant '" + caller.slug() + "' is " + role.id()));
    }
  }

  public void require(Permission permission, Caller caller, FirmSlug firm) {
    expect(permission, Permission.Scope.FIRM);
    if (caller instanceof SystemCaller system) {
      if (!system.holds(permission)) {
        throw refused(caller, permission, Optional.empty());
      }
    } else {
      FirmRole role =
          ((User) caller).roleIn(firm).orElseThrow(() -> notMember("firm", firm.value()));
      if (!permission.firmRoles().contains(role)) {
        throw refused(
            caller, permission, Optional.of("Your role in firm '" + firm + "' is " + role.id()));
      }
    }
    firms.require(firm);
  }

  public void require(Permission permission, Caller caller) {
    if (permission.scope() == Permission.Scope.ANY_CALLER) {
      return;
    }
    expect(permission, Permission.Scope.PLATFORM);
    boolean holds =
        caller instanceof SystemCaller system
            ? system.holds(permission)
            : permission.platformRoles().stream().anyMatch(((User) caller)::has);
    if (!holds) {
      throw refused(caller, permission, Optional.empty());
    }
  }

  private static ActiveTenant active(TenantSlug slug, Optional<TenantAccess> registration) {
    return registration.orElseThrow(() -> new TenantNotFoundException(slug)).toActive();
  }

  private static AccessDeniedException refused(
      Caller caller, Permission permission, Optional<String> because) {
    if (caller instanceof SystemCaller) {
      return new AccessDeniedException(
          caller.name()
              + " may not "
              + permission.action()
              + ": it does not hold the"
              + " permission "
              + permission.id()
              + ".");
    }
    String only = "only " + permission.holders() + " may " + permission.action() + ".";
    return new AccessDeniedException(
        because
            .map(reason -> reason + "; " + only)
            .orElse(Character.toUpperCase(only.charAt(0)) + only.substring(1)));
  }

  private static AccessDeniedException notMember(String kind, String slug) {
    return new AccessDeniedException("You are not a member of " + kind + " '" + slug + "'.");
  }

  private static void expect(Permission permission, Permission.Scope scope) {
    if (permission.scope() != scope) {
      throw new IllegalArgumentException(
          permission + " is a " + permission.scope() + " permission, not " + scope);
    }
  }

  private static <T> T argument(Class<T> type, Permission permission, Object[] arguments) {
    for (Object argument : arguments) {
      if (type.isInstance(argument)) {
        return type.cast(argument);
      }
    }
    throw new IllegalStateException(
        "an operation that requires "
            + permission
            + " takes a "
            + type.getSimpleName()
            + " argument");
  }
}
