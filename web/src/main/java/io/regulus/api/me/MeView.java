package io.regulus.api.me;

import java.util.List;

/** The caller as the token describes them. */
public record MeView(
    String subject,
    String username,
    String email,
    String name,
    List<Membership> tenants,
    List<String> platformRoles) {

  /** The caller's role in one tenant. */
  public record Membership(String tenant, String role) {}
}
