package io.regulus.api.finding;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.contract.StreamedBody;
import io.regulus.api.security.RequestContext;
import io.regulus.finding.FindingService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A scanner's findings into the tenant's signals: the JSON array of OCSF Detection Findings as
 * Prowler writes it ({@code --output-formats json-ocsf}), posted as it is (docs/signals.md,
 * "Scanner findings (OCSF)"). A document with any bad entry is refused whole (400, each entry
 * named); nothing of it is stored.
 */
@Path("/tenants/{tenant}/findings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private FindingService findings;
  @Inject private RequestContext context;

  @APIResponse(
      responseCode = "200",
      description = "The signals stored, and the findings skipped by check",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FindingImportView.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WRITE_SIGNALS)
  @StreamedBody(
      "a scan runs to tens of megabytes of OCSF, whose findings carry many more attributes than are read")
  @RequestBody(
      required = true,
      description =
          "The JSON array of OCSF Detection Findings (class_uid 2004) as the scanner wrote it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Object.class)))
  public FindingImportView importFindings(@Context HttpHeaders headers, InputStream document) {
    return FindingImportView.of(
        findings.importFindings(context.tenantCaller(), document, headers.getLength()));
  }
}
