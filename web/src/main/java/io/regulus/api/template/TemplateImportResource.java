package io.regulus.api.template;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.template.imports.TemplateImport;
import io.regulus.template.imports.TemplateImportService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A tenant's template imports: the body of a POST is the file (a Compliance Manager workbook or an
 * OSCAL catalog); the import runs as a job (202 with its status URL), whose progress and problems
 * GET shows; a running import stops, a failed one restarts from its last checkpoint.
 */
@Path("/tenants/{tenant}/template-imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplateImportResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private TemplateImportService imports;
  @Inject private RequestContext context;

  @APIResponse(
      responseCode = "202",
      description = "The import, started; Location is its status",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TemplateImport.class)))
  @POST
  @Consumes(MediaType.WILDCARD)
  @Requires(Permission.MANAGE_TEMPLATES)
  public Response start(@BeanParam ImportParams params, InputStream file, @Context UriInfo uri) {
    return accepted(uri, imports.importPrivate(context.tenantCaller(), params.request(), file));
  }

  @GET
  @Requires(Permission.READ_TENANT)
  public List<TemplateImport> list() {
    return imports.imports(context.tenantCaller());
  }

  @GET
  @Path("{id}")
  @Requires(Permission.READ_TENANT)
  public TemplateImport get(@PathParam("id") long id) {
    return imports.get(context.tenantCaller(), id);
  }

  @POST
  @Path("{id}/stop")
  @Requires(Permission.MANAGE_TEMPLATES)
  public TemplateImport stop(@PathParam("id") long id) {
    return imports.stop(context.tenantCaller(), id);
  }

  @POST
  @Path("{id}/restart")
  @Requires(Permission.MANAGE_TEMPLATES)
  public TemplateImport restart(@PathParam("id") long id) {
    return imports.restart(context.tenantCaller(), id);
  }

  /** 202 with the import and its status URL. */
  static Response accepted(UriInfo uri, TemplateImport started) {
    return Response.accepted(started)
        .location(uri.getAbsolutePathBuilder().path(Long.toString(started.id())).build())
        .build();
  }
}
