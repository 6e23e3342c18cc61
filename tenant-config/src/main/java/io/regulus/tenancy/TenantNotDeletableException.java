package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * A tenant that may not be deleted yet: it must be suspended, then exported during that suspension,
 * so that none of its data is lost. 422 while a step is missing; 409 when the export taken since
 * the suspension began before the suspension took effect (it may miss a later change: export
 * again).
 */
public class TenantNotDeletableException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final TenantSlug slug;
  private final boolean suspended;

  public TenantNotDeletableException(TenantSlug slug, String detail, boolean suspended) {
    this(ProblemKind.RULE_VIOLATED, slug, detail, suspended);
  }

  public TenantNotDeletableException(
      ProblemKind kind, TenantSlug slug, String detail, boolean suspended) {
    super(kind, detail);
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
