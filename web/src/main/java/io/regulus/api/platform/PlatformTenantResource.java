package io.regulus.api.platform;

import io.regulus.api.security.Access;
import io.regulus.tenancy.TenantProvisioner;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Tenant provisioning, for platform operators. */
@Path("/platform/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformTenantResource {

  @EJB private TenantProvisioner provisioner;
  @EJB private TenantRegistry registry;

  /** 201 with Location when the tenant is new; 200 with the same tenant when it existed (nothing changes). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Access.Scope.PLATFORM_OPERATOR)
  public Response provision(@Valid @NotNull ProvisionTenantRequest request, @Context UriInfo uri) {
    TenantProvisioner.Provisioned result = provisioner.provision(new TenantSlug(request.slug()), request.displayName());
    TenantView view = TenantView.of(result.tenant());
    return result.created()
        ? Response.created(uri.getAbsolutePathBuilder().path(view.slug()).build()).entity(view).build()
        : Response.ok(view).build();
  }

  @GET
  @Access(Access.Scope.PLATFORM_OPERATOR)
  public List<TenantView> list() {
    return registry.all().stream().map(TenantView::of).toList();
  }

  @GET
  @Path("{slug}")
  @Access(Access.Scope.PLATFORM_OPERATOR)
  public TenantView get(@PathParam("slug") String slug) {
    return TenantView.of(registry.require(new TenantSlug(slug)));
  }
}
