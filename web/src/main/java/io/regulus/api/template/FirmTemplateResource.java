package io.regulus.api.template;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.template.FirmTemplateService;
import io.regulus.template.TemplateSummary;
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
 * A consulting firm's templates: its own, or extensions of a global template (flattened at each
 * version: the global template's latest controls, then the firm's). Every member of the firm reads
 * them; its admins write them, in the same JSON as a tenant's private templates, and push them to
 * clients ({@link TemplatePushResource}).
 */
@Path("/firms/{firm}/templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FirmTemplateResource {

  @PathParam("firm")
  @Parameter(description = "The firm's slug, e.g. northwind")
  String firm;

  @EJB private FirmTemplateService templates;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public List<TemplateSummary> list(@BeanParam PageParams params) {
    return page.of(templates.templates(context.caller(), new FirmSlug(firm)), params);
  }

  @GET
  @Path("{key}")
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public TemplateSummary get(@PathParam("key") String key) {
    return templates.template(context.caller(), new FirmSlug(firm), key);
  }

  @APIResponse(
      responseCode = "201",
      description = "The new firm template, version 1; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateSummary.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public Response create(@Valid @NotNull TemplateRequest request, @Context UriInfo uri) {
    TemplateSummary created =
        templates.create(context.caller(), new FirmSlug(firm), request.draft());
    return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build())
        .entity(created)
        .build();
  }

  @APIResponse(
      responseCode = "201",
      description = "The firm template with its new version; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateSummary.class)))
  @POST
  @Path("{key}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public Response publish(
      @PathParam("key") String key, @Valid @NotNull VersionRequest request, @Context UriInfo uri) {
    TemplateSummary published =
        templates.publish(context.caller(), new FirmSlug(firm), key, request.draft(key));
    return Response.created(uri.getAbsolutePathBuilder().path(published.latest()).build())
        .entity(published)
        .build();
  }
}
