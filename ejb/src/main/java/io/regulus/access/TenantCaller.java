package io.regulus.access;

import io.regulus.audit.Actor;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantSlug;
import java.util.Optional;

/**
 * A caller inside one active tenant, with the role they hold there: the proof of entry every tenant
 * operation takes. Only {@link AccessControl#enterTenant} makes one, after deciding membership (own
 * role, or a firm role that reaches the tenant; the stronger wins), existence and suspension; so an
 * adapter cannot hand a service a tenant it was not let into. A system caller enters without a role
 * and acts through its grants.
 */
public final class TenantCaller {

  private final ActiveTenant tenant;
  private final Caller caller;
  private final TenantRole role;

  TenantCaller(ActiveTenant tenant, Caller caller, TenantRole role) {
    this.tenant = tenant;
    this.caller = caller;
    this.role = role;
  }

  /** The tenant, as repositories bind to it. */
  public ActiveTenant tenant() {
    return tenant;
  }

  public TenantSlug slug() {
    return tenant.slug();
  }

  public Caller caller() {
    return caller;
  }

  /** The role a user holds in this tenant; empty for a system caller. */
  public Optional<TenantRole> role() {
    return Optional.ofNullable(role);
  }

  /**
   * The role a user holds here, for rules that go by role; a system caller, which has none, is
   * refused.
   */
  public TenantRole requireRole() {
    if (role == null) {
      throw new AccessDeniedException(
          caller.name()
              + " acts through its grants and holds no role in tenant '"
              + tenant.slug()
              + "', so it cannot do what only a role may do.");
    }
    return role;
  }

  public String id() {
    return caller.id();
  }

  public String name() {
    return caller.name();
  }

  public Actor actor() {
    return caller.actor();
  }

  @Override
  public String toString() {
    return caller.name() + " in " + tenant.slug() + (role == null ? "" : " as " + role.id());
  }
}
