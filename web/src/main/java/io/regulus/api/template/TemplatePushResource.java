package io.regulus.api.template;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.template.push.PushPreview;
import io.regulus.template.push.TemplatePush;
import io.regulus.template.push.TemplatePushService;
import io.regulus.tenancy.FirmSlug;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A firm's templates pushed to its clients: the preview per client, the push itself (a job, 202
 * with its status URL), each client's outcome, and the retry of the clients that failed.
 */
@Path("/firms/{firm}/template-pushes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplatePushResource {

  @PathParam("firm")
  @Parameter(description = "The firm's slug, e.g. northwind")
  String firm;

  @EJB private TemplatePushService pushes;
  @Inject private RequestContext context;

  /** What the push would do to each client; nothing is written. */
  @POST
  @Path("preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public PushPreview preview(@Valid @NotNull PushRequest request) {
    return pushes.preview(
        context.caller(), new FirmSlug(firm), request.template(), request.clients());
  }

  @APIResponse(
      responseCode = "202",
      description = "The push, started; Location is its status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplatePush.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public Response push(@Valid @NotNull PushRequest request, @Context UriInfo uri) {
    TemplatePush started =
        pushes.push(context.caller(), new FirmSlug(firm), request.template(), request.clients());
    return Response.accepted(started)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(started.id())).build())
        .build();
  }

  @GET
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public List<TemplatePush> list() {
    return pushes.pushes(context.caller(), new FirmSlug(firm));
  }

  @GET
  @Path("{id}")
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public TemplatePush get(@PathParam("id") long id) {
    return pushes.get(context.caller(), new FirmSlug(firm), id);
  }

  @POST
  @Path("{id}/retry")
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public TemplatePush retry(@PathParam("id") long id) {
    return pushes.retry(context.caller(), new FirmSlug(firm), id);
  }
}
