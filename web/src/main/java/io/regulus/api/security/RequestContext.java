package io.regulus.api.security;

import io.regulus.identity.Caller;
import io.regulus.identity.TenantRole;
import io.regulus.tenancy.ActiveTenant;
import jakarta.enterprise.context.RequestScoped;

/**
 * The one place a request's caller and tenant are held: set once by the security filters after the token and
 * the tenant were checked, read by resources.
 */
@RequestScoped
public class RequestContext {

  private Caller caller;
  private ActiveTenant tenant;
  private TenantRole role;

  void authenticate(Caller verified) {
    if (caller != null) {
      throw new IllegalStateException("caller already set");
    }
    caller = verified;
  }

  void enter(ActiveTenant checked, TenantRole callerRole) {
    if (tenant != null) {
      throw new IllegalStateException("tenant already set");
    }
    tenant = checked;
    role = callerRole;
  }

  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller in this request");
    }
    return caller;
  }

  /** The tenant of a {@code /tenants/{tenant}} request, checked against the caller's token. */
  public ActiveTenant tenant() {
    if (tenant == null) {
      throw new IllegalStateException("not a tenant request");
    }
    return tenant;
  }

  public TenantRole role() {
    return role;
  }
}
