package io.regulus.api.security;

import io.regulus.access.AccessControl;
import io.regulus.access.AccessDeniedException;
import io.regulus.access.Caller;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Checks the permission an endpoint declares ({@link Requires}, the permission of the service
 * operation it serves) before the request body is read, through the domain's {@link AccessControl}:
 * for a tenant endpoint the caller enters the path's tenant there, and the entered {@link
 * io.regulus.access.TenantCaller} is what the resource hands to the service, which checks it again.
 * A method without a declaration is refused.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

  @Context private ResourceInfo resource;
  @Inject private RequestContext context;
  @Inject private AccessControl access;

  @Override
  public void filter(ContainerRequestContext request) {
    Requires requires = resource.getResourceMethod().getAnnotation(Requires.class);
    if (requires == null) {
      LOG.severe("endpoint without an access rule refused: " + resource.getResourceMethod());
      throw new AccessDeniedException(
          "This endpoint declares no access rule, so it is closed to everyone.");
    }
    Permission permission = requires.value();
    Caller caller = context.caller();
    var path = request.getUriInfo().getPathParameters();
    switch (permission.scope()) {
      case ANY_CALLER, PLATFORM -> access.require(permission, caller);
      case FIRM ->
          access.require(permission, caller, AccessControl.firmNamed(path.getFirst("firm")));
      case TENANT -> {
        var entered = access.enterTenant(caller, path.getFirst("tenant"));
        access.require(permission, entered);
        context.enter(entered);
      }
    }
  }
}
