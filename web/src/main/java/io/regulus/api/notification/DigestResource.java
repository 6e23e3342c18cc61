package io.regulus.api.notification;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.notification.DigestRun;
import io.regulus.notification.DigestService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The daily digest on demand, for platform operators: looks at every tenant's due dates and
 * evidence, then queues one mail per person with waiting notices; answers what it did. The outbox
 * sends the mail within seconds.
 */
@Path("/platform/digests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

  @EJB private DigestService digests;
  @Inject private RequestContext context;

  @POST
  @Requires(Permission.OPERATE_PLATFORM)
  public DigestRun run() {
    return digests.run(context.caller());
  }
}
