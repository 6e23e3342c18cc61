package io.regulus.api.users;

import io.regulus.directory.Invitations;
import java.time.Instant;

/**
 * An invitation as sent: the same fields whether or not the address has an account, and nothing
 * about that account.
 */
public record InvitationSentView(String email, String role, String tenant, Instant expiresAt) {

  public static InvitationSentView of(Invitations.Sent sent) {
    return new InvitationSentView(
        sent.email(), sent.role().id(), sent.tenant().value(), sent.expiresAt());
  }
}
