package io.regulus.api.users;

import io.regulus.directory.Member;
import java.util.List;

/**
 * A user of the tenant and their role there; {@code viaFirm} names the consulting firm the role
 * comes from (such a role is changed in the firm, not here); {@code pendingActions} are what the
 * user must still do at login.
 */
public record MemberView(
    String id,
    String username,
    String email,
    String firstName,
    String lastName,
    boolean enabled,
    String role,
    String viaFirm,
    List<String> pendingActions) {

  static MemberView of(Member member) {
    return new MemberView(
        member.id(),
        member.username(),
        member.email(),
        member.firstName(),
        member.lastName(),
        member.enabled(),
        member.role().id(),
        member.viaFirm(),
        member.pendingActions());
  }
}
