package io.regulus.api.alert;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.alert.AlertPolicyService;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * A tenant's alert policies: every member reads them; admins create, change (enable, disable) and
 * delete them. A bad policy is a 422 naming every field at fault.
 */
@Path("/tenants/{tenant}/alert-policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlertPolicyResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private AlertPolicyService policies;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Requires(Permission.READ_TENANT)
  public List<AlertPolicyView> list(@BeanParam PageParams params) {
    return page.of(policies.list(context.tenantCaller()), params).stream()
        .map(AlertPolicyView::of)
        .toList();
  }

  @GET
  @Path("{id}")
  @Requires(Permission.READ_TENANT)
  public AlertPolicyView get(@PathParam("id") long id) {
    return AlertPolicyView.of(policies.get(context.tenantCaller(), id));
  }

  @APIResponse(
      responseCode = "201",
      description = "The new policy; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AlertPolicyView.class)))
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_ALERT_POLICIES)
  public Response create(@NotNull AlertPolicyRequest request, @Context UriInfo uri) {
    AlertPolicyView view =
        AlertPolicyView.of(policies.create(context.tenantCaller(), request.toDraft()));
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(view.id())).build())
        .entity(view)
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_ALERT_POLICIES)
  public AlertPolicyView update(@PathParam("id") long id, @NotNull AlertPolicyRequest request) {
    return AlertPolicyView.of(policies.update(context.tenantCaller(), id, request.toDraft()));
  }

  @DELETE
  @Path("{id}")
  @Requires(Permission.MANAGE_ALERT_POLICIES)
  public Response delete(@PathParam("id") long id) {
    policies.delete(context.tenantCaller(), id);
    return Response.noContent().build();
  }
}
