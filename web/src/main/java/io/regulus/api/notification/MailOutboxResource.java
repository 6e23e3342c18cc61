package io.regulus.api.notification;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.notification.MailOutbox;
import io.regulus.notification.OutboxMail;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The outbox of queued mail, for platform operators: newest first, each with its attempts, its next
 * attempt and its last error; a FAILED mail was given up after its last attempt.
 */
@Path("/platform/mail-outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MailOutboxResource {

  @EJB private MailOutbox outbox;
  @Inject private RequestContext context;

  @GET
  @Requires(Permission.OPERATE_PLATFORM)
  public List<OutboxMail> list(
      @QueryParam("state") @Parameter(description = "only WAITING, SENT or FAILED mail")
          String state,
      @QueryParam("limit")
          @DefaultValue("100")
          @Parameter(description = "at most this many, 1 to 500")
          int limit) {
    return outbox.list(context.caller(), state, limit);
  }
}
