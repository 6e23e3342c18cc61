package io.regulus.api.firm;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.administration.TenantAdministration;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.platform.PlatformTenantResource;
import io.regulus.api.platform.ProvisionTenantRequest;
import io.regulus.api.platform.TenantView;
import io.regulus.api.security.RequestContext;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public List<TenantView> list(@BeanParam PageParams params) {
    return page.of(administration.clients(context.caller(), new FirmSlug(firm)), params).stream()
        .map(TenantView::of)
        .toList();
  }

  @GET
  @Path("{slug}")
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public TenantView get(@PathParam("slug") String slug) {
    return TenantView.of(
        administration.client(context.caller(), new FirmSlug(firm), new TenantSlug(slug)));
  }

  /** A new client tenant of this firm (the request's firm field, if any, must be this firm). */
  @APIResponse(
      responseCode = "201",
      description = "The new client tenant, active; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantView.class)))
  @APIResponse(
      responseCode = "200",
      description = "The client existed already as asked (provisioning is idempotent)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantView.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.ADD_FIRM_CLIENTS)
  public Response provision(@Valid @NotNull ProvisionTenantRequest request, @Context UriInfo uri) {
    return PlatformTenantResource.provisioned(
        administration.provisionClient(
            context.caller(),
            new FirmSlug(firm),
            new TenantSlug(request.slug()),
            request.displayName(),
            request.firm(),
            request.adminEmail()),
        uri.getAbsolutePathBuilder().path(request.slug()).build());
  }
}
