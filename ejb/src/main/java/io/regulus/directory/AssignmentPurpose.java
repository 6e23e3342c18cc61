package io.regulus.directory;

import io.regulus.access.TenantRole;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user is picked for: implementing actions (contributors, admins) or testing them
 * (assessors, admins).
 */
public enum AssignmentPurpose {
  IMPLEMENTATION(Set.of(TenantRole.CONTRIBUTOR, TenantRole.ADMIN)),
  TESTING(Set.of(TenantRole.ASSESSOR, TenantRole.ADMIN));

  private final Set<TenantRole> roles;

  AssignmentPurpose(Set<TenantRole> roles) {
    this.roles = roles;
  }

  public boolean admits(TenantRole role) {
    return roles.contains(role);
  }

  /** Who may be assigned, in words: "contributors and admins". */
  public String holders() {
    return this == TESTING ? "assessors and admins" : "contributors and admins";
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The purpose a request names in its field {@code for}: implementation when left out. */
  public static AssignmentPurpose requested(String id) {
    if (id == null || id.isBlank()) {
      return IMPLEMENTATION;
    }
    return fromId(id.strip().toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new io.regulus.problem.DomainException(
                    io.regulus.problem.ProblemKind.INVALID_INPUT,
                    "'for' is implementation or testing, not '" + id + "'.",
                    "for"));
  }

  public static Optional<AssignmentPurpose> fromId(String id) {
    for (AssignmentPurpose purpose : values()) {
      if (purpose.id().equals(id)) {
        return Optional.of(purpose);
      }
    }
    return Optional.empty();
  }
}
