package io.regulus.directory;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.TenantSlug;

/** The user is not a member of this tenant (they may exist, and belong to other tenants). */
public class MemberNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public MemberNotFoundException(TenantSlug tenant, String userId) {
    super(
        ProblemKind.NOT_FOUND,
        "No user " + userId + " in tenant '" + tenant + "': the tenant's users list shows who is.",
        "userId");
  }
}
