package io.regulus.api.security;

import io.regulus.access.Caller;
import io.regulus.access.TenantCaller;
import jakarta.enterprise.context.RequestScoped;

/**
 * The one place a request's caller and tenant are held: set once by the security filters after the
 * token was verified and the tenant entered, read by resources.
 */
@RequestScoped
public class RequestContext {

  private Caller caller;
  private TenantCaller tenantCaller;

  void authenticate(Caller verified) {
    if (caller != null) {
      throw new IllegalStateException("caller already set");
    }
    caller = verified;
  }

  void enter(TenantCaller entered) {
    if (tenantCaller != null) {
      throw new IllegalStateException("tenant already entered");
    }
    tenantCaller = entered;
  }

  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller in this request");
    }
    return caller;
  }

  /**
   * The caller inside the tenant of a {@code /tenants/{tenant}} request, as the domain let them in.
   */
  public TenantCaller tenantCaller() {
    if (tenantCaller == null) {
      throw new IllegalStateException("not a tenant request");
    }
    return tenantCaller;
  }
}
