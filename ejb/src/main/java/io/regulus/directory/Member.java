package io.regulus.directory;

import io.regulus.access.TenantRole;
import java.util.List;

/**
 * A user who reaches a tenant, with their role there.
 *
 * @param id Keycloak's user id
 * @param viaFirm the consulting firm the role comes from, or null when the user was added to the
 *     tenant itself
 * @param pendingActions what the user still has to do at next login (e.g. UPDATE_PASSWORD after an
 *     invitation)
 */
public record Member(
    String id,
    String username,
    String email,
    String firstName,
    String lastName,
    boolean enabled,
    TenantRole role,
    String viaFirm,
    List<String> pendingActions) {

  public Member {
    pendingActions = pendingActions == null ? List.of() : List.copyOf(pendingActions);
  }

  public boolean direct() {
    return viaFirm == null;
  }
}
