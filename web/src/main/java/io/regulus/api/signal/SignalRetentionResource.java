package io.regulus.api.signal;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.signal.SignalRetention;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The retention of signals, for platform operators: a pass now over every active tenant (it runs by
 * itself daily at 03:45 UTC), deleting the signals observed more than REGULUS_SIGNAL_RETENTION_DAYS
 * ago.
 */
@Path("/platform/signal-retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignalRetentionResource {

  @EJB private SignalRetention retention;
  @Inject private RequestContext context;

  @POST
  @Requires(Permission.OPERATE_PLATFORM)
  public SignalRetention.Pass run() {
    return retention.runNow(context.caller());
  }
}
