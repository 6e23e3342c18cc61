package io.regulus.api.evidence;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.evidence.Evidence;
import io.regulus.evidence.EvidenceService;
import io.regulus.settings.Settings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The evidence of one improvement action: files (PDF, Office, images, UTF-8 text and CSV, ZIP;
 * checked from their bytes, at most REGULUS_EVIDENCE_MAX_BYTES each) and links. Members read it;
 * admins, contributors and assessors add and delete it. An action that follows its parent shows the
 * parent's evidence and takes none of its own.
 */
@Path("/tenants/{tenant}/actions/{id}/evidence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

  private static final String ITEM = "tenants/{tenant}/actions/{id}/evidence/{evidenceId}";

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @PathParam("id")
  @Parameter(description = "The action instance's id (GET /tenants/{tenant}/actions)")
  long id;

  @EJB private EvidenceService evidence;
  @Inject private RequestContext context;
  @Inject private ListPage page;
  @Inject private Settings settings;

  @GET
  @Requires(Permission.READ_TENANT)
  public List<EvidenceView> list(@BeanParam PageParams params) {
    return page.of(evidence.list(context.tenantCaller(), id), params).stream()
        .map(EvidenceView::of)
        .toList();
  }

  @GET
  @Path("{evidenceId}")
  @Requires(Permission.READ_TENANT)
  public EvidenceView get(@PathParam("evidenceId") long evidenceId) {
    return EvidenceView.of(evidence.get(context.tenantCaller(), id, evidenceId));
  }

  /**
   * Uploads a file: read as it arrives into a temporary file (always deleted), then stored in one
   * transaction.
   */
  @APIResponse(
      responseCode = "201",
      description = "The stored file; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EvidenceView.class)))
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Requires(Permission.WORK_ON_ACTIONS)
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      requiredProperties = {"file"},
                      properties = {
                        @SchemaProperty(
                            name = "file",
                            type = SchemaType.STRING,
                            format = "binary",
                            description =
                                "The document, with its file name; its extension must match its content"),
                        @SchemaProperty(name = "title", type = SchemaType.STRING, maxLength = 300),
                        @SchemaProperty(
                            name = "validFrom",
                            type = SchemaType.STRING,
                            format = "date"),
                        @SchemaProperty(
                            name = "validUntil",
                            type = SchemaType.STRING,
                            format = "date")
                      })))
  public Response upload(@Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
    try (UploadForm form =
        UploadForm.read(
            headers.getMediaType(), headers.getLength(), body, settings.evidenceMaxBytes())) {
      Evidence added = evidence.addFile(context.tenantCaller(), id, form.file(), form.details());
      return created(uri, added);
    }
  }

  @APIResponse(
      responseCode = "201",
      description = "The stored link; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EvidenceView.class)))
  @POST
  @Path("links")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.WORK_ON_ACTIONS)
  public Response addLink(@Valid @NotNull LinkRequest request, @Context UriInfo uri) {
    return created(
        uri, evidence.addLink(context.tenantCaller(), id, request.url(), request.details()));
  }

  /**
   * The file as uploaded, with its media type (from its bytes), name and SHA-256 (ETag and
   * Repr-Digest).
   */
  @GET
  @Path("{evidenceId}/content")
  @Produces(MediaType.WILDCARD)
  @Requires(Permission.READ_TENANT)
  public Response content(@PathParam("evidenceId") long evidenceId) {
    Evidence file = evidence.file(context.tenantCaller(), id, evidenceId);
    byte[] digest = HexFormat.of().parseHex(file.sha256());
    return Response.ok(
            new EvidenceContent(evidence, context.tenantCaller(), file), file.mediaType())
        .header(HttpHeaders.CONTENT_LENGTH, file.size())
        .header("Content-Disposition", attachment(file.fileName()))
        .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":")
        .tag(new EntityTag(file.sha256()))
        .build();
  }

  @APIResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("{evidenceId}")
  @Requires(Permission.WORK_ON_ACTIONS)
  public Response delete(@PathParam("evidenceId") long evidenceId) {
    evidence.delete(context.tenantCaller(), id, evidenceId);
    return Response.noContent().build();
  }

  private Response created(UriInfo uri, Evidence added) {
    return Response.created(uri.getBaseUriBuilder().path(ITEM).build(tenant, id, added.id()))
        .entity(EvidenceView.of(added))
        .build();
  }

  /** RFC 6266: an ASCII fallback name and the exact one in UTF-8. */
  static String attachment(String fileName) {
    String ascii =
        fileName
            .codePoints()
            .map(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
