package io.regulus.access;

import java.util.Locale;
import java.util.Optional;

/**
 * A user's role in one tenant (docs/workflow.md, "Who may change what"). Declared strongest first.
 */
public enum TenantRole {
  /** Builds assessments, assigns actions, manages the tenant's users. */
  ADMIN,
  /** Tests implemented actions (never the implementer). */
  ASSESSOR,
  /** Implements assigned actions and uploads evidence. */
  CONTRIBUTOR,
  /** Reads everything in the tenant, changes nothing. */
  READER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<TenantRole> fromId(String id) {
    for (TenantRole role : values()) {
      if (role.id().equals(id)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** Of two roles in one tenant, the one that is kept (the earlier declared). */
  public TenantRole strongest(TenantRole other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
