package io.regulus.api.me;

import io.regulus.directory.Invitations;
import java.time.Instant;

/**
 * A pending invitation: to which tenant, with which role, sent by whom, until when; its {@code id}
 * is what accept and decline take.
 */
public record InvitationView(
    String id,
    String tenant,
    String tenantName,
    String email,
    String role,
    String invitedBy,
    Instant expiresAt) {

  public static InvitationView of(Invitations.Pending pending) {
    return new InvitationView(
        pending.id(),
        pending.tenant().value(),
        pending.tenantName(),
        pending.email(),
        pending.role().id(),
        pending.invitedBy(),
        pending.expiresAt());
  }
}
