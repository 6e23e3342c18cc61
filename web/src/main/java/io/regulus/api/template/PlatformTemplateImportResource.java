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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The platform operator's imports into the global library: like a tenant's ({@link
 * TemplateImportResource}), publishing global template versions.
 */
@Path("/platform/template-imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformTemplateImportResource {

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
  @Requires(Permission.OPERATE_PLATFORM)
  public Response start(@BeanParam ImportParams params, InputStream file, @Context UriInfo uri) {
    return TemplateImportResource.accepted(
        uri, imports.importGlobal(context.caller(), params.request(), file));
  }

  @GET
  @Requires(Permission.OPERATE_PLATFORM)
  public List<TemplateImport> list() {
    return imports.globalImports(context.caller());
  }

  @GET
  @Path("{id}")
  @Requires(Permission.OPERATE_PLATFORM)
  public TemplateImport get(@PathParam("id") long id) {
    return imports.globalImport(context.caller(), id);
  }

  @POST
  @Path("{id}/stop")
  @Requires(Permission.OPERATE_PLATFORM)
  public TemplateImport stop(@PathParam("id") long id) {
    return imports.stopGlobal(context.caller(), id);
  }

  @POST
  @Path("{id}/restart")
  @Requires(Permission.OPERATE_PLATFORM)
  public TemplateImport restart(@PathParam("id") long id) {
    return imports.restartGlobal(context.caller(), id);
  }
}
