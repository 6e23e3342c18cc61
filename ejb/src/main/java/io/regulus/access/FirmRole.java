package io.regulus.access;

import java.util.Locale;
import java.util.Optional;

/**
 * A consultant's role in their firm (Keycloak group {@code /firms/<firm>/<role>}). ADMIN runs the
 * firm: creates its client tenants and is admin in every one of them. ASSESSOR, CONTRIBUTOR and
 * READER hold that role in every client of the firm. CONSULTANT is a member of the firm who reaches
 * only the clients they are assigned to, through per-tenant groups.
 */
public enum FirmRole {
  ADMIN(TenantRole.ADMIN),
  ASSESSOR(TenantRole.ASSESSOR),
  CONTRIBUTOR(TenantRole.CONTRIBUTOR),
  READER(TenantRole.READER),
  CONSULTANT(null);

  private final TenantRole inEveryClient;

  FirmRole(TenantRole inEveryClient) {
    this.inEveryClient = inEveryClient;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role this firm role gives in every client tenant of the firm, if any. */
  public Optional<TenantRole> inEveryClient() {
    return Optional.ofNullable(inEveryClient);
  }

  public static Optional<FirmRole> fromId(String id) {
    for (FirmRole role : values()) {
      if (role.id().equals(id)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** Of two roles in one firm, the one that is kept (the earlier declared). */
  public FirmRole strongest(FirmRole other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
