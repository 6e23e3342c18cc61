package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * A member reached a suspended tenant: nothing in it is served until a platform operator resumes
 * it.
 */
public class TenantSuspendedException extends DomainException {

  private static final long serialVersionUID = 1L;

  private final TenantSlug slug;

  public TenantSuspendedException(TenantSlug slug) {
    super(
        ProblemKind.FORBIDDEN,
        "Tenant '"
            + slug
            + "' is suspended: its data is kept, but nothing in it is served until a platform"
            + " operator resumes it.");
    this.slug = slug;
  }

  public TenantSlug slug() {
    return slug;
  }
}
