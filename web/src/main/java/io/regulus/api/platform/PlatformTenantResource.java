package io.regulus.api.platform;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.administration.TenantAdministration;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.api.users.InvitationSentView;
import io.regulus.tenancy.ExportArchive;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantProvisioner;
import io.regulus.tenancy.TenantSlug;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The tenant life cycle, for platform operators: provision, suspend, resume, export, import,
 * delete.
 */
@Path("/platform/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformTenantResource {

  static final String ZIP = "application/zip";

  @EJB private TenantAdministration administration;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  /**
   * 201 with Location when the tenant is new; 200 with the same tenant when it existed (nothing
   * changes).
   */
  @APIResponse(
      responseCode = "201",
      description = "The new tenant, active; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantView.class)))
  @APIResponse(
      responseCode = "200",
      description = "The tenant existed already as asked (provisioning is idempotent)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantView.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.OPERATE_PLATFORM)
  public Response provision(@Valid @NotNull ProvisionTenantRequest request, @Context UriInfo uri) {
    FirmSlug firm =
        request.firm() == null || request.firm().isBlank() ? null : new FirmSlug(request.firm());
    return provisioned(
        administration.provision(
            context.caller(),
            new TenantSlug(request.slug()),
            request.displayName(),
            firm,
            request.adminEmail()),
        uri.getAbsolutePathBuilder().path(request.slug()).build());
  }

  /** The answer to a provisioning request, here and on a firm's endpoint. */
  public static Response provisioned(TenantProvisioner.Provisioned result, java.net.URI location) {
    TenantView view = TenantView.of(result.tenant());
    return result.created()
        ? Response.created(location).entity(view).build()
        : Response.ok(view).build();
  }

  /**
   * Appoints an admin to a tenant that has none: 202 with the admin invitation as sent, which the
   * person accepts at /me/invitations; 409 while the tenant has an admin.
   */
  @APIResponse(
      responseCode = "202",
      description = "The admin invitation as sent; the person accepts it at /me/invitations")
  @POST
  @Path("{slug}/admins")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.OPERATE_PLATFORM)
  public Response appointAdmin(
      @PathParam("slug") String slug, @Valid @NotNull AppointAdminRequest request) {
    return Response.accepted(
            InvitationSentView.of(
                administration.appointAdmin(
                    context.caller(), new TenantSlug(slug), request.email())))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  @GET
  @Requires(Permission.OPERATE_PLATFORM)
  public List<TenantView> list(@BeanParam PageParams params) {
    return page.of(administration.tenants(context.caller()), params).stream()
        .map(TenantView::of)
        .toList();
  }

  @GET
  @Path("{slug}")
  @Requires(Permission.OPERATE_PLATFORM)
  public TenantView get(@PathParam("slug") String slug) {
    return TenantView.of(administration.tenant(context.caller(), new TenantSlug(slug)));
  }

  /** Every tenant request then answers 403 with a problem saying the tenant is suspended. */
  @POST
  @Path("{slug}/suspend")
  @Requires(Permission.OPERATE_PLATFORM)
  public TenantView suspend(@PathParam("slug") String slug) {
    return TenantView.of(administration.suspend(context.caller(), new TenantSlug(slug)));
  }

  @POST
  @Path("{slug}/resume")
  @Requires(Permission.OPERATE_PLATFORM)
  public TenantView resume(@PathParam("slug") String slug) {
    return TenantView.of(administration.resume(context.caller(), new TenantSlug(slug)));
  }

  /** Exports the tenant's whole data as a stored archive (201 with its download location). */
  @APIResponse(
      responseCode = "201",
      description = "The stored export; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportView.class)))
  @POST
  @Path("{slug}/exports")
  @Requires(Permission.OPERATE_PLATFORM)
  public Response export(@PathParam("slug") String slug, @Context UriInfo uri) {
    ExportView view = ExportView.of(administration.export(context.caller(), new TenantSlug(slug)));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(view.id())).build())
        .entity(view)
        .build();
  }

  @GET
  @Path("{slug}/exports")
  @Requires(Permission.OPERATE_PLATFORM)
  public List<ExportView> exports(@PathParam("slug") String slug, @BeanParam PageParams params) {
    return page.of(administration.exports(context.caller(), new TenantSlug(slug)), params).stream()
        .map(ExportView::of)
        .toList();
  }

  /**
   * The archive, streamed: a ZIP of a manifest, one JSON Lines file per table and the evidence
   * files; import it with POST .../{newSlug}/import.
   */
  @GET
  @Path("{slug}/exports/{exportId}")
  @Produces(ZIP)
  @Requires(Permission.OPERATE_PLATFORM)
  public Response download(@PathParam("slug") String slug, @PathParam("exportId") long exportId) {
    TenantSlug tenant = new TenantSlug(slug);
    ExportArchive archive = administration.archive(context.caller(), tenant, exportId);
    StreamingOutput body = archive::writeTo;
    return Response.ok(body, ZIP)
        .header(HttpHeaders.CONTENT_LENGTH, archive.size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + tenant + "-export-" + exportId + ".zip\"")
        .build();
  }

  /** Creates the new tenant {slug} from an export archive (read as a stream): all or nothing. */
  @APIResponse(
      responseCode = "201",
      description = "The new tenant, holding the archive's data; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantView.class)))
  @POST
  @Path("{slug}/import")
  @Consumes(ZIP)
  @Requires(Permission.OPERATE_PLATFORM)
  public Response importArchive(
      @PathParam("slug") String slug,
      @QueryParam("displayName")
          @Parameter(description = "the new tenant's name (default: the slug)")
          String displayName,
      @QueryParam("firm") @Parameter(description = "the firm the new tenant is a client of")
          String firm,
      @NotNull InputStream archive,
      @Context UriInfo uri) {
    var tenant =
        administration.importArchive(
            context.caller(),
            new TenantSlug(slug),
            displayName,
            firm == null || firm.isBlank() ? null : new FirmSlug(firm),
            archive);
    return Response.created(uri.getBaseUriBuilder().path("platform/tenants").path(slug).build())
        .entity(TenantView.of(tenant))
        .build();
  }

  /**
   * Drops a suspended, exported tenant's schema; the registry keeps a DELETED tombstone and the
   * exports.
   */
  @DELETE
  @Path("{slug}")
  @Requires(Permission.OPERATE_PLATFORM)
  public TenantView delete(@PathParam("slug") String slug) {
    return TenantView.of(administration.delete(context.caller(), new TenantSlug(slug)));
  }
}
