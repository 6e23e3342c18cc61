package io.regulus.api.users;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantRole;
import io.regulus.api.me.InvitationView;
import io.regulus.api.paging.ListPage;
import io.regulus.api.paging.PageParams;
import io.regulus.api.security.RequestContext;
import io.regulus.directory.AssignmentPurpose;
import io.regulus.directory.Invitations;
import io.regulus.directory.TenantMembers;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A tenant's users and their roles, kept in Keycloak: admins manage them; every member reads the
 * pickers.
 */
@Path("/tenants/{tenant}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TenantUserResource {

  /** The tenant, already checked against the caller's token by the access filter. */
  @PathParam("tenant")
  @Parameter(description = "The tenant's slug, e.g. acme")
  String tenant;

  @EJB private TenantMembers members;
  @EJB private Invitations invitations;
  @Inject private RequestContext context;
  @Inject private ListPage page;

  @GET
  @Path("users")
  @Requires(Permission.MANAGE_USERS)
  public List<MemberView> list(@BeanParam PageParams params) {
    return page.of(members.list(context.tenantCaller()), params).stream()
        .map(MemberView::of)
        .toList();
  }

  @GET
  @Path("users/{userId}")
  @Requires(Permission.MANAGE_USERS)
  public MemberView get(@PathParam("userId") String userId) {
    return MemberView.of(members.get(context.tenantCaller(), userId));
  }

  /**
   * Invites by email: 202 with the invitation as sent, the same answer whether or not the address
   * has an account (a new address gets one, and Keycloak's set-password mail). Nobody joins before
   * accepting (/me/invitations); inviting again renews the pending invitation.
   */
  @APIResponse(
      responseCode = "202",
      description = "The invitation as sent (the same for a new and an existing address)")
  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_USERS)
  public Response invite(@Valid @NotNull InviteRequest request) {
    Invitations.Sent sent =
        invitations.invite(
            context.tenantCaller(),
            request.email(),
            role(request.role()),
            request.firstName(),
            request.lastName());
    return Response.accepted(InvitationSentView.of(sent)).type(MediaType.APPLICATION_JSON).build();
  }

  /** The tenant's pending invitations (not yet accepted, declined or expired). */
  @GET
  @Path("invitations")
  @Requires(Permission.MANAGE_USERS)
  public List<InvitationView> invitations(@BeanParam PageParams params) {
    return page.of(invitations.pendingIn(context.tenantCaller()), params).stream()
        .map(InvitationView::of)
        .toList();
  }

  @PUT
  @Path("users/{userId}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.MANAGE_USERS)
  public MemberView changeRole(
      @PathParam("userId") String userId, @Valid @NotNull RoleRequest request) {
    return MemberView.of(members.changeRole(context.tenantCaller(), userId, role(request.role())));
  }

  /** Removes the user from this tenant only; their Keycloak account and other tenants stay. */
  @APIResponse(responseCode = "204", description = "Removed from the tenant")
  @DELETE
  @Path("users/{userId}")
  @Requires(Permission.MANAGE_USERS)
  public Response remove(@PathParam("userId") String userId) {
    members.remove(context.tenantCaller(), userId);
    return Response.noContent().build();
  }

  /** The picker: members who may be assigned an action's implementation, or its test. */
  @GET
  @Path("assignees")
  @Requires(Permission.READ_TENANT)
  public List<MemberView> assignees(
      @QueryParam("for") @Parameter(description = "implementation (default) or testing")
          String purpose,
      @BeanParam PageParams params) {
    return page
        .of(
            members.assignable(context.tenantCaller(), AssignmentPurpose.requested(purpose)),
            params)
        .stream()
        .map(MemberView::of)
        .toList();
  }

  private static TenantRole role(String id) {
    return TenantRole.fromId(id).orElseThrow();
  }
}
