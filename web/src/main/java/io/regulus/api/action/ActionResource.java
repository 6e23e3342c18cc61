package io.regulus.api.action;

import io.regulus.action.ActionChange;
import io.regulus.action.ActionInstance;
import io.regulus.action.ActionService;
import io.regulus.api.security.Access;
import io.regulus.api.security.RequestContext;
import io.regulus.identity.TenantRole;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * A tenant's improvement action instances: one per tenant for technical and provider-managed actions, one per
 * assessment group for customer operational and documentation actions. Members read them; contributors,
 * assessors and admins change their statuses within their role.
 */
@Path("/tenants/{tenant}/actions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private ActionService actions;
  @Inject private RequestContext context;

  @GET
  @Access(Access.Scope.TENANT)
  public List<ActionInstance> list() {
    return actions.list(context.tenant());
  }

  @GET
  @Path("{id}")
  @Access(Access.Scope.TENANT)
  public ActionInstance get(@PathParam("id") long id) {
    return actions.get(context.tenant(), id);
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(value = Access.Scope.TENANT, roles = {TenantRole.ADMIN, TenantRole.ASSESSOR, TenantRole.CONTRIBUTOR})
  public ActionInstance change(@PathParam("id") long id, @Valid @NotNull StatusRequest request) {
    return actions.change(context.tenant(), context.caller(), context.role(), id, request.toChange());
  }

  @GET
  @Path("{id}/history")
  @Access(Access.Scope.TENANT)
  public List<ActionChange> history(@PathParam("id") long id) {
    return actions.history(context.tenant(), id);
  }
}
