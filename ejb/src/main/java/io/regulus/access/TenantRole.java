package io.regulus.access;

import java.util.Locale;
import java.util.Optional;

/**
 * A user's role in one tenant (docs/workflow.md, "Who may change what"). Declared strongest first.
 * The people's roles come first; {@link #SIGNAL_WRITER} is a machine client's (docs/signals.md): no
 * person is given it, and the tenant's member lists leave it out.
 */
public enum TenantRole {
  /** Builds assessments, assigns actions, manages the tenant's users. */
  ADMIN,
  /** Tests implemented actions (never the implementer). */
  ASSESSOR,
  /** Implements assigned actions and uploads evidence. */
  CONTRIBUTOR,
  /** Reads everything in the tenant, changes nothing. */
  READER,
  /** A machine client's service account: writes the tenant's signals, reads nothing. */
  SIGNAL_WRITER;

  /** The roles people hold (and are invited to, and listed with), strongest first. */
  public static final java.util.List<TenantRole> PEOPLE =
      java.util.List.of(ADMIN, ASSESSOR, CONTRIBUTOR, READER);

  /** {@code admin}, {@code signal-writer}: the last segment of its group path. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
