package io.regulus.api.me;

import io.regulus.access.Caller;
import io.regulus.access.PlatformRole;
import io.regulus.access.User;
import java.util.Comparator;
import java.util.List;

/** The caller as the token describes them. */
public record MeView(
    String subject,
    String username,
    String email,
    String name,
    List<Membership> tenants,
    List<FirmMembership> firms,
    List<String> platformRoles) {

  /** The caller's own role in one tenant. */
  public record Membership(String tenant, String role) {}

  /**
   * The caller's role in one consulting firm (admin, assessor, contributor and reader reach every
   * client).
   */
  public record FirmMembership(String firm, String role) {}

  static MeView of(Caller caller) {
    if (!(caller instanceof User user)) {
      return new MeView(caller.id(), caller.name(), null, null, List.of(), List.of(), List.of());
    }
    return new MeView(
        user.subject(),
        user.username(),
        user.email(),
        user.fullName(),
        user.tenantRoles().entrySet().stream()
            .map(e -> new Membership(e.getKey().value(), e.getValue().id()))
            .sorted(Comparator.comparing(Membership::tenant))
            .toList(),
        user.firmRoles().entrySet().stream()
            .map(e -> new FirmMembership(e.getKey().value(), e.getValue().id()))
            .sorted(Comparator.comparing(FirmMembership::firm))
            .toList(),
        user.platformRoles().stream().map(PlatformRole::id).sorted().toList());
  }
}
