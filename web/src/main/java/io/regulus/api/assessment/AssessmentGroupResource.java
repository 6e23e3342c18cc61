package io.regulus.api.assessment;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.assessment.AssessmentGroupService;
import io.regulus.assessment.AssessmentService;
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
 * A tenant's assessment groups and the assessments in each: every member reads them; admins create
 * groups and build assessments in them from a template version for a scope (the controls are
 * snapshotted and the action instances created).
 */
@Path("/tenants/{tenant}/assessment-groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentGroupResource {

  /** The tenant, already checked against the caller's token by the access filter. */
  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private AssessmentGroupService groups;
  @EJB private AssessmentService assessments;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.READ_TENANT)
  public List<AssessmentGroupView> list(@BeanParam PageParams params) {
    return page.of(groups.list(context.tenantCaller()), params).stream()
        .map(AssessmentGroupView::of)
        .toList();
  }

  @GET
  @Path("{id}")
  @Requires(Permission.READ_TENANT)
  public AssessmentGroupView get(@PathParam("id") long id) {
    return AssessmentGroupView.of(groups.get(context.tenantCaller(), id));
  }

  @GET
  @Path("{id}/assessments")
  @Requires(Permission.READ_TENANT)
  public List<AssessmentView> inGroup(@PathParam("id") long group, @BeanParam PageParams params) {
    return page.of(assessments.inGroup(context.tenantCaller(), group), params).stream()
        .map(scored -> AssessmentView.of(scored.assessment(), scored.score()))
        .toList();
  }

  @APIResponse(
      responseCode = "201",
      description =
          "The assessment, its controls snapshotted and its actions created; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AssessmentDetailView.class)))
  @POST
  @Path("{id}/assessments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_ASSESSMENTS)
  public Response createAssessment(
      @PathParam("id") long group,
      @Valid @NotNull CreateAssessmentRequest request,
      @Context UriInfo uri) {
    AssessmentDetailView view =
        AssessmentDetailView.of(assessments.create(context.tenantCaller(), group, request.toNew()));
    return Response.created(
            uri.getBaseUriBuilder()
                .path("tenants/{tenant}/assessments/{id}")
                .build(tenant, view.assessment().id()))
        .entity(view)
        .build();
  }

  @APIResponse(
      responseCode = "201",
      description = "The new group; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AssessmentGroupView.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_ASSESSMENTS)
  public Response create(
      @Valid @NotNull CreateAssessmentGroupRequest request, @Context UriInfo uri) {
    AssessmentGroupView view =
        AssessmentGroupView.of(
            groups.create(context.tenantCaller(), request.name(), request.description()));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(view.id())).build())
        .entity(view)
        .build();
  }
}
