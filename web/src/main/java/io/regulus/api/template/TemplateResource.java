package io.regulus.api.template;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.template.TemplateService;
import io.regulus.template.TemplateSummary;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.imports.TemplateExportService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The templates a tenant builds assessments from: the global library's and its own. Admins write
 * private templates and extensions of global ones; an extension keeps following the global
 * template's versions.
 */
@Path("/tenants/{tenant}/templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private TemplateService templates;
  @EJB private TemplateExportService exports;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.READ_TENANT)
  public List<TemplateSummary> list(@BeanParam PageParams params) {
    return page.of(templates.available(context.tenantCaller()), params);
  }

  @GET
  @Path("{key}")
  @Requires(Permission.READ_TENANT)
  public TemplateSummary get(@PathParam("key") String key) {
    return templates.get(context.tenantCaller(), key);
  }

  /**
   * A published version as a file: Compliance Manager's workbook (format=excel, the default) or an
   * OSCAL catalog (format=oscal).
   */
  @GET
  @Path("{key}/versions/{version}/export")
  @Produces(MediaType.WILDCARD)
  @Requires(Permission.READ_TENANT)
  public Response export(
      @PathParam("key") String key,
      @PathParam("version") String version,
      @QueryParam("format") @Parameter(description = "excel (default) or oscal") String format) {
    TemplateFormat chosen = TemplateFormat.named(format == null ? "excel" : format);
    if (chosen == null) {
      throw new InvalidInputException(
          new Violation("format", "is excel or oscal, not '" + format + "'"));
    }
    TenantCaller caller = context.tenantCaller();
    TemplateExportService.ExportFile file = exports.file(caller, key, version, chosen);
    StreamingOutput body = out -> exports.export(caller, key, version, chosen, out);
    return Response.ok(body, file.mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
        .build();
  }

  @APIResponse(
      responseCode = "201",
      description = "The new template, version 1; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateSummary.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_TEMPLATES)
  public Response create(@Valid @NotNull TemplateRequest request, @Context UriInfo uri) {
    TemplateSummary created = templates.create(context.tenantCaller(), request.draft());
    return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build())
        .entity(created)
        .build();
  }

  @APIResponse(
      responseCode = "201",
      description = "The template with its new version; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateSummary.class)))
  @POST
  @Path("{key}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_TEMPLATES)
  public Response publish(
      @PathParam("key") String key, @Valid @NotNull VersionRequest request, @Context UriInfo uri) {
    TemplateSummary published = templates.publish(context.tenantCaller(), key, request.draft(key));
    return Response.created(uri.getAbsolutePathBuilder().path(published.latest()).build())
        .entity(published)
        .build();
  }
}
