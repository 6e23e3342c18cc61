package io.regulus.api.security;

import io.regulus.identity.AccessDeniedException;
import io.regulus.identity.Caller;
import io.regulus.identity.PlatformRole;
import io.regulus.identity.TenantRole;
import io.regulus.tenancy.InvalidTenantSlugException;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * Enforces each endpoint's {@link Access} rule. For a tenant endpoint, membership is checked before existence,
 * so a non-member learns nothing about another tenant; then the tenant must be active, and it is entered into
 * the {@link RequestContext}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

  @Context private ResourceInfo resource;
  @Inject private RequestContext context;
  @EJB private TenantRegistry registry;

  @Override
  public void filter(ContainerRequestContext request) {
    Access access = resource.getResourceMethod().getAnnotation(Access.class);
    if (access == null) {
      LOG.severe("endpoint without an access rule refused: " + resource.getResourceMethod());
      throw new AccessDeniedException("This endpoint declares no access rule, so it is closed to everyone.");
    }
    Caller caller = context.caller();
    switch (access.value()) {
      case AUTHENTICATED -> { }
      case PLATFORM_OPERATOR -> {
        if (!caller.has(PlatformRole.OPERATOR)) {
          throw new AccessDeniedException("Only platform operators may do this.");
        }
      }
      case TENANT -> enterTenant(caller, request.getUriInfo().getPathParameters().getFirst("tenant"), access.roles());
    }
  }

  private void enterTenant(Caller caller, String rawSlug, TenantRole[] admitted) {
    TenantSlug slug = parse(rawSlug);
    TenantRole role =
        caller.roleIn(slug).orElseThrow(() -> new AccessDeniedException("You are not a member of tenant '" + slug + "'."));
    List<TenantRole> roles = Arrays.asList(admitted);
    if (!roles.isEmpty() && !roles.contains(role)) {
      throw new AccessDeniedException(
          "Your role in tenant '" + slug + "' is " + role.id() + "; this needs "
              + String.join(" or ", roles.stream().map(TenantRole::id).toList()) + ".");
    }
    context.enter(registry.requireActive(slug), role);
  }

  private static TenantSlug parse(String rawSlug) {
    try {
      return new TenantSlug(rawSlug);
    } catch (InvalidTenantSlugException e) {
      throw new AccessDeniedException("You are not a member of a tenant of that name.");
    }
  }
}
