package io.regulus.api.platform;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.administration.TenantAdministration;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.tenancy.FirmSlug;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Consulting firms, created by platform operators. */
@Path("/platform/firms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformFirmResource {

  @EJB private TenantAdministration administration;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @APIResponse(
      responseCode = "201",
      description = "The new firm; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FirmView.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.OPERATE_PLATFORM)
  public Response create(@Valid @NotNull CreateFirmRequest request, @Context UriInfo uri) {
    FirmView view =
        FirmView.of(
            administration.createFirm(
                context.caller(), new FirmSlug(request.slug()), request.displayName()));
    return Response.created(uri.getAbsolutePathBuilder().path(view.slug()).build())
        .entity(view)
        .build();
  }

  @GET
  @Requires(Permission.OPERATE_PLATFORM)
  public List<FirmView> list(@BeanParam PageParams params) {
    return page.of(administration.firms(context.caller()), params).stream()
        .map(FirmView::of)
        .toList();
  }
}
