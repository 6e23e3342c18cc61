package io.regulus.api.notification;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
import io.regulus.notification.NoticeKind;
import io.regulus.notification.NotificationPreferences;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The caller's own notification preferences: each kind of notice, mailed in the daily digest
 * ({@code true}) or not. There is no way to name another person: the caller is the person.
 */
@Path("/me/notification-preferences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationPreferenceResource {

  @EJB private NotificationPreferences preferences;
  @Inject private RequestContext context;

  @GET
  @Requires(Permission.CHOOSE_OWN_NOTIFICATIONS)
  public Map<NoticeKind, Boolean> mine() {
    return preferences.mine(context.caller());
  }

  /** Sets the kinds named, e.g. {@code {"DUE_SOON": false}}; the others keep their choice. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.CHOOSE_OWN_NOTIFICATIONS)
  public Map<NoticeKind, Boolean> choose(
      @RequestBody(
              description =
                  "Kinds of notice (ASSIGNMENT, DUE_SOON, OVERDUE, EVIDENCE_EXPIRING, ALERT), each"
                      + " true (mailed) or false")
          Map<String, Boolean> choices) {
    return preferences.choose(context.caller(), choices);
  }
}
