package io.regulus.api.me;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who am I: read from the verified token alone, without a call to Keycloak or the database. */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject private RequestContext context;

  @GET
  @Requires(Permission.READ_OWN_PROFILE)
  public MeView me() {
    return MeView.of(context.caller());
  }
}
