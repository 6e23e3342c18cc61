package io.regulus.api.me;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.directory.Invitations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The caller's own pending invitations: to the verified email of their account. Accepting joins the
 * tenant with the invited role (the next token shows it); declining drops the invitation.
 */
@Path("/me/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyInvitationResource {

  @EJB private Invitations invitations;
  @Inject private RequestContext context;

  @GET
  @Requires(Permission.READ_OWN_PROFILE)
  public List<InvitationView> list() {
    return invitations.mine(context.caller()).stream().map(InvitationView::of).toList();
  }

  /** 200 with the tenant joined and the role there; another person's invitation is not found. */
  @POST
  @Path("{invitationId}/accept")
  @Requires(Permission.READ_OWN_PROFILE)
  public JoinedView accept(@PathParam("invitationId") String invitationId) {
    Invitations.Joined joined = invitations.accept(context.caller(), invitationId);
    return new JoinedView(joined.tenant().value(), joined.role().id());
  }

  @POST
  @Path("{invitationId}/decline")
  @Requires(Permission.READ_OWN_PROFILE)
  public Response decline(@PathParam("invitationId") String invitationId) {
    invitations.decline(context.caller(), invitationId);
    return Response.noContent().build();
  }

  /** The tenant the caller joined and their role there (in their next token). */
  public record JoinedView(String tenant, String role) {}
}
