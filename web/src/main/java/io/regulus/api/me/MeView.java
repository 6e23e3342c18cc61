package io.regulus.api.me;

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

  /** The caller's role in one consulting firm (admin, assessor, contributor and reader reach every client). */
  public record FirmMembership(String firm, String role) {}
}
