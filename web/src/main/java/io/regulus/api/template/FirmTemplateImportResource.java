package io.regulus.api.template;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.template.imports.TemplateImport;
import io.regulus.template.imports.TemplateImportService;
import io.regulus.tenancy.FirmSlug;
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
 * A firm admin's imports into the firm's templates: like a tenant's ({@link
 * TemplateImportResource}), publishing versions of firm templates, which reach clients by push.
 */
@Path("/firms/{firm}/template-imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FirmTemplateImportResource {

  @PathParam("firm")
  @Parameter(description = "The firm's slug, e.g. northwind")
  String firm;

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
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public Response start(@BeanParam ImportParams params, InputStream file, @Context UriInfo uri) {
    return TemplateImportResource.accepted(
        uri, imports.importFirm(context.caller(), new FirmSlug(firm), params.request(), file));
  }

  @GET
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public List<TemplateImport> list() {
    return imports.firmImports(context.caller(), new FirmSlug(firm));
  }

  @GET
  @Path("{id}")
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public TemplateImport get(@PathParam("id") long id) {
    return imports.firmImport(context.caller(), new FirmSlug(firm), id);
  }

  @POST
  @Path("{id}/stop")
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public TemplateImport stop(@PathParam("id") long id) {
    return imports.stopFirm(context.caller(), new FirmSlug(firm), id);
  }

  @POST
  @Path("{id}/restart")
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public TemplateImport restart(@PathParam("id") long id) {
    return imports.restartFirm(context.caller(), new FirmSlug(firm), id);
  }
}
