package io.regulus.api.me;

import io.regulus.api.security.Access;
import io.regulus.api.security.RequestContext;
import io.regulus.identity.Caller;
import io.regulus.identity.PlatformRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;

/** Who am I: read from the verified token alone, without a call to Keycloak or the database. */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject private RequestContext context;

  @GET
  @Access(Access.Scope.AUTHENTICATED)
  public MeView me() {
    Caller caller = context.caller();
    return new MeView(
        caller.subject(),
        caller.username(),
        caller.email(),
        caller.name(),
        caller.tenantRoles().entrySet().stream()
            .map(e -> new MeView.Membership(e.getKey().value(), e.getValue().id()))
            .sorted(Comparator.comparing(MeView.Membership::tenant))
            .toList(),
        caller.firmRoles().entrySet().stream()
            .map(e -> new MeView.FirmMembership(e.getKey().value(), e.getValue().id()))
            .sorted(Comparator.comparing(MeView.FirmMembership::firm))
            .toList(),
        caller.platformRoles().stream().map(PlatformRole::id).sorted().toList());
  }
}
