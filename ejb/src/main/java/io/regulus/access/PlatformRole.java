package io.regulus.access;

import java.util.Optional;

/** Roles above the tenants. */
public enum PlatformRole {
  /** Provisions tenants, publishes template versions, watches the batch jobs. */
  OPERATOR("platform-operator");

  private final String id;

  PlatformRole(String id) {
    this.id = id;
  }

  /** The Keycloak realm role name. */
  public String id() {
    return id;
  }

  public static Optional<PlatformRole> fromId(String id) {
    for (PlatformRole role : values()) {
      if (role.id.equals(id)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
