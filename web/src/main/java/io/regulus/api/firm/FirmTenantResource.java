package io.regulus.api.firm;

import io.regulus.administration.TenantAdministration;
import io.regulus.api.platform.PlatformTenantResource;
import io.regulus.api.platform.ProvisionTenantRequest;
import io.regulus.api.platform.TenantView;
import io.regulus.api.security.Access;
import io.regulus.api.security.RequestContext;
import io.regulus.identity.FirmRole;
import io.regulus.tenancy.FirmRegistry;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantNotFoundException;
import io.regulus.tenancy.TenantRegistry;
import io.regulus.tenancy.TenantSlug;
import io.regulus.tenancy.TenantStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A consulting firm's client tenants: its members list them, its administrators create them. */
@Path("/firms/{firm}/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FirmTenantResource {

  /** The firm, already checked against the caller's token by the access filter. */
  @PathParam("firm")
  @Parameter(description = "The firm's slug, e.g. northwind")
  String firm;

  @EJB private TenantAdministration administration;
  @EJB private FirmRegistry firms;
  @EJB private TenantRegistry registry;
  @Inject private RequestContext context;

  @GET
  @Access(Access.Scope.FIRM)
  public List<TenantView> list() {
    return firms.clients(new FirmSlug(firm)).stream().map(TenantView::of).toList();
  }

  @GET
  @Path("{slug}")
  @Access(Access.Scope.FIRM)
  public TenantView get(@PathParam("slug") String slug) {
    TenantSlug tenant = new TenantSlug(slug);
    return registry.find(tenant)
        .filter(t -> t.status() != TenantStatus.DELETED)
        .filter(t -> t.firm().map(f -> f.slug().value().equals(firm)).orElse(false))
        .map(TenantView::of)
        .orElseThrow(() -> new TenantNotFoundException(tenant));
  }

  /** A new client tenant of this firm (the request's firm field, if any, must be this firm). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(value = Access.Scope.FIRM, firmRoles = FirmRole.ADMIN)
  public Response provision(@Valid @NotNull ProvisionTenantRequest request, @Context UriInfo uri) {
    FirmSlug owner = new FirmSlug(firm);
    if (request.firm() != null && !request.firm().isBlank() && !request.firm().equals(firm)) {
      throw new io.regulus.identity.AccessDeniedException(
          "A firm administrator creates client tenants for their own firm only ('" + firm + "').");
    }
    return PlatformTenantResource.provisioned(
        administration.provision(context.caller(), new TenantSlug(request.slug()), request.displayName(), owner),
        uri.getAbsolutePathBuilder().path(request.slug()).build());
  }
}
