package io.regulus.ui.users;

import io.regulus.directory.Invitations;
import java.io.Serializable;
import java.util.Date;

/** A pending invitation as a page shows it (its expiry as a date the page formats). */
public record InvitationRow(Invitations.Pending invitation) implements Serializable {

  public Date expires() {
    return Date.from(invitation.expiresAt());
  }
}
