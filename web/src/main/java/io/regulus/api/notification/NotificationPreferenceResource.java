package io.regulus.api.notification;

import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.api.security.RequestContext;
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
  public NotificationPreferencesView mine() {
    return NotificationPreferencesView.of(preferences.mine(context.caller()));
  }

  /** Sets the kinds named, e.g. {@code {"dueSoon": false}}; the others keep their choice. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Permission.CHOOSE_OWN_NOTIFICATIONS)
  public NotificationPreferencesView choose(NotificationPreferencesRequest request) {
    return NotificationPreferencesView.of(preferences.choose(context.caller(), request.choices()));
  }
}
