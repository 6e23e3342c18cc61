package io.regulus.api.security;

import io.regulus.identity.AccessDeniedException;
import io.regulus.identity.Caller;
import io.regulus.identity.FirmRole;
import io.regulus.identity.PlatformRole;
import io.regulus.identity.TenantRole;
import io.regulus.problem.DomainException;
import io.regulus.tenancy.FirmRegistry;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantAccess;
import io.regulus.tenancy.TenantLookup;
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
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Enforces each endpoint's {@link Access} rule. For a tenant endpoint, membership is checked before existence,
 * so a non-member learns nothing about another tenant (not even whether it is suspended); then the tenant must be
 * active, and it is entered into the {@link RequestContext}. The registry is read through {@link TenantLookup}
 * (at most once a second per tenant and node), Keycloak not at all.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

  @Context private ResourceInfo resource;
  @Inject private RequestContext context;
  @Inject private TenantLookup tenants;
  @EJB private FirmRegistry firms;

  @Override
  public void filter(ContainerRequestContext request) {
    Access access = resource.getResourceMethod().getAnnotation(Access.class);
    if (access == null) {
      LOG.severe("endpoint without an access rule refused: " + resource.getResourceMethod());
      throw new AccessDeniedException("This endpoint declares no access rule, so it is closed to everyone.");
    }
    Caller caller = context.caller();
    var path = request.getUriInfo().getPathParameters();
    switch (access.value()) {
      case AUTHENTICATED -> { }
      case PLATFORM_OPERATOR -> {
        if (!caller.has(PlatformRole.OPERATOR)) {
          throw new AccessDeniedException("Only platform operators may do this.");
        }
      }
      case FIRM -> enterFirm(caller, path.getFirst("firm"), access.firmRoles());
      case TENANT -> enterTenant(caller, path.getFirst("tenant"), access.roles());
    }
  }

  private void enterTenant(Caller caller, String rawSlug, TenantRole[] admitted) {
    TenantSlug slug = parse(rawSlug, TenantSlug::new, "tenant");
    if (!caller.tenantRoles().containsKey(slug) && !caller.reachesClientsThroughFirm()) {
      throw notMember("tenant", slug.value());
    }
    Optional<TenantAccess> tenant = tenants.find(slug);
    Optional<FirmSlug> firm = tenant.flatMap(TenantAccess::firm);
    TenantRole role = caller.roleIn(slug, firm).orElseThrow(() -> notMember("tenant", slug.value()));
    TenantAccess found = tenant.orElseThrow(() -> new io.regulus.tenancy.TenantNotFoundException(slug));
    var active = found.toActive();
    if (admitted.length > 0 && !Arrays.asList(admitted).contains(role)) {
      throw new AccessDeniedException(
          "Your role in tenant '" + slug + "' is " + role.id() + "; this needs the "
              + Access.Rules.describe(resource.getResourceMethod().getAnnotation(Access.class)) + ".");
    }
    context.enter(active, role);
  }

  private void enterFirm(Caller caller, String rawSlug, FirmRole[] admitted) {
    FirmSlug slug = parse(rawSlug, FirmSlug::new, "firm");
    FirmRole role = caller.roleIn(slug).orElseThrow(() -> notMember("firm", slug.value()));
    if (admitted.length > 0 && !Arrays.asList(admitted).contains(role)) {
      throw new AccessDeniedException(
          "Your role in firm '" + slug + "' is " + role.id() + "; this needs the "
              + Access.Rules.describe(resource.getResourceMethod().getAnnotation(Access.class)) + ".");
    }
    firms.require(slug);
  }

  private static AccessDeniedException notMember(String kind, String slug) {
    return new AccessDeniedException("You are not a member of " + kind + " '" + slug + "'.");
  }

  private static <T> T parse(String raw, Function<String, T> parse, String kind) {
    try {
      return parse.apply(raw);
    } catch (DomainException e) {
      throw new AccessDeniedException("You are not a member of a " + kind + " of that name.");
    }
  }
}
