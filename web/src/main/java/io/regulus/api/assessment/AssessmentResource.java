package io.regulus.api.assessment;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.assessment.AssessmentService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A tenant's assessments: every member reads them with their scores and controls; admins delete
 * them (the action instances no other assessment needs go with them). They are built in their group
 * ({@link AssessmentGroupResource}).
 */
@Path("/tenants/{tenant}/assessments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private AssessmentService assessments;
  @Inject private RequestContext context;

  @GET
  @Path("{id}")
  @Requires(Permission.READ_TENANT)
  public AssessmentDetailView get(@PathParam("id") long id) {
    return AssessmentDetailView.of(assessments.detail(context.tenantCaller(), id));
  }

  @APIResponse(
      responseCode = "204",
      description = "Deleted; actions no other assessment needs are removed, their history stays")
  @DELETE
  @Path("{id}")
  @Requires(Permission.MANAGE_ASSESSMENTS)
  public Response delete(@PathParam("id") long id) {
    assessments.delete(context.tenantCaller(), id);
    return Response.noContent().build();
  }
}
