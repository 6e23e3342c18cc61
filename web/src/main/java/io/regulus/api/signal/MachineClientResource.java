package io.regulus.api.signal;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.signal.MachineClient;
import io.regulus.signal.MachineClients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A tenant's machine clients (Keycloak service accounts that may only write the tenant's signals):
 * its admins make them (the secret shown once), list them, rotate their secret, delete them.
 */
@Path("/tenants/{tenant}/machine-clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MachineClientResource {

  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private MachineClients clients;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @APIResponse(
      responseCode = "201",
      description = "Made: the client and its secret, shown this once, and the token URL")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_MACHINE_CLIENTS)
  public Response create(@Valid MachineClientRequest request, @Context UriInfo uri) {
    MachineClient.WithSecret made =
        clients.create(context.tenantCaller(), request == null ? null : request.name());
    return Response.created(uri.getAbsolutePathBuilder().path(made.client().clientId()).build())
        .entity(MachineClientSecretView.of(made))
        .build();
  }

  @GET
  @Requires(Permission.MANAGE_MACHINE_CLIENTS)
  public List<MachineClientView> list(@BeanParam PageParams params) {
    return page.of(clients.list(context.tenantCaller()), params).stream()
        .map(MachineClientView::of)
        .toList();
  }

  /** A new secret for the client, shown this once; the old one stops working at once. */
  @POST
  @Path("{clientId}/secret")
  @Requires(Permission.MANAGE_MACHINE_CLIENTS)
  public MachineClientSecretView rotate(@PathParam("clientId") String clientId) {
    return MachineClientSecretView.of(clients.rotate(context.tenantCaller(), clientId));
  }

  @APIResponse(responseCode = "204", description = "Deleted: it gets no new token")
  @DELETE
  @Path("{clientId}")
  @Requires(Permission.MANAGE_MACHINE_CLIENTS)
  public Response delete(@PathParam("clientId") String clientId) {
    clients.delete(context.tenantCaller(), clientId);
    return Response.noContent().build();
  }
}
