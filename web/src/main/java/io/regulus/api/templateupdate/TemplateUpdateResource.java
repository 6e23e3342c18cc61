package io.regulus.api.templateupdate;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.templateupdate.TemplateUpdateService;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Updates of the templates a tenant's assessments were built from: a newer published version is a
 * pending update of each group whose assessments are on an older one. Its diff and score effect are
 * computed before anything changes; an admin accepts it for a group (all the group's assessments of
 * that template move, statuses and evidence of the actions they keep stay) or defers it (until a
 * newer version appears).
 */
@Path("/tenants/{tenant}/template-updates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplateUpdateResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private TemplateUpdateService updates;
  @Inject private RequestContext context;

  @GET
  @Requires(Permission.READ_TENANT)
  public List<TemplateUpdateView> list() {
    return updates.list(context.tenantCaller()).stream().map(TemplateUpdateView::of).toList();
  }

  @GET
  @Path("{groupId}/{template}")
  @Requires(Permission.READ_TENANT)
  public UpdatePreviewView preview(
      @PathParam("groupId") @Parameter(description = "The assessment group's id") long groupId,
      @PathParam("template")
          @Parameter(description = "The key the assessments were built from, e.g. gdpr")
          String template) {
    return UpdatePreviewView.of(updates.preview(context.tenantCaller(), groupId, template));
  }

  @POST
  @Path("{groupId}/{template}/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_ASSESSMENTS)
  public UpdateAcceptedView accept(
      @PathParam("groupId") long groupId,
      @PathParam("template") String template,
      @Valid @NotNull UpdateDecisionRequest request) {
    return UpdateAcceptedView.of(
        updates.accept(
            context.tenantCaller(),
            groupId,
            template,
            request.toVersion(),
            request.toExtensionVersion()));
  }

  @POST
  @Path("{groupId}/{template}/defer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_ASSESSMENTS)
  public TemplateUpdateView defer(
      @PathParam("groupId") long groupId,
      @PathParam("template") String template,
      @Valid @NotNull UpdateDecisionRequest request) {
    return TemplateUpdateView.of(
        updates.defer(
            context.tenantCaller(),
            groupId,
            template,
            request.toVersion(),
            request.toExtensionVersion()));
  }
}
