package io.regulus.directory;

import io.regulus.access.TenantRole;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.TenantSlug;

/**
 * An invitation of someone who is already a member of the tenant with another role: change their
 * role instead.
 */
public class MemberAlreadyInTenantException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final TenantSlug tenant;
  private final String userId;

  public MemberAlreadyInTenantException(
      String email, TenantSlug tenant, String userId, TenantRole current) {
    super(
        ProblemKind.CONFLICT,
        email
            + " is already a member of '"
            + tenant
            + "' as "
            + current.id()
            + "; change their role instead of inviting them again.",
        "email");
    this.tenant = tenant;
    this.userId = userId;
  }

  public TenantSlug tenant() {
    return tenant;
  }

  /** The member whose role to change. */
  public String userId() {
    return userId;
  }
}
