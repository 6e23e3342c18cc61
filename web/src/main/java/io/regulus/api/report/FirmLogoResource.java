package io.regulus.api.report;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.report.FirmLogo;
import io.regulus.report.FirmLogoService;
import io.regulus.tenancy.FirmSlug;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A firm's logo, shown on its reports: its admins upload a PNG or JPEG image (at most 256 KB and
 * 2,000 pixels a side) as the request body; its members download it.
 */
@Path("/firms/{firm}/logo")
@RequestScoped
public class FirmLogoResource {

  @PathParam("firm")
  @Parameter(description = "The firm's slug, e.g. northwind")
  String firm;

  @EJB private FirmLogoService logos;
  @Inject private RequestContext context;

  @APIResponse(responseCode = "204", description = "Kept as the firm's logo")
  @PUT
  @Consumes({"image/png", "image/jpeg"})
  @Requires(Permission.MANAGE_FIRM_BRANDING)
  public Response upload(InputStream body) throws IOException {
    // one byte past the limit is enough for the service to refuse it, without reading it whole
    byte[] content = body.readNBytes(FirmLogoService.MAX_BYTES + 1);
    logos.upload(context.caller(), new FirmSlug(firm), content);
    return Response.noContent().build();
  }

  @GET
  @Produces(MediaType.WILDCARD)
  @Requires(Permission.READ_FIRM_REPORTS)
  public Response download() {
    FirmLogo logo = logos.logo(context.caller(), new FirmSlug(firm));
    return Response.ok(logo.content(), logo.mediaType()).build();
  }
}
