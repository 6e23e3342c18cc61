package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * A tenant that may not be deleted yet: it must be suspended, then exported, so that none of its
 * data is lost.
 */
public class TenantNotDeletableException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final TenantSlug slug;
  private final boolean suspended;

  public TenantNotDeletableException(TenantSlug slug, String detail, boolean suspended) {
    super(ProblemKind.RULE_VIOLATED, detail);
    this.slug = slug;
    this.suspended = suspended;
  }

  public TenantSlug slug() {
    return slug;
  }

  /** Whether only the export is missing (the tenant is suspended already). */
  public boolean suspended() {
    return suspended;
  }
}
