package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** A life-cycle step asked of a tenant in the wrong state, e.g. resuming an active tenant. */
public class TenantStatusException extends DomainException {

  private static final long serialVersionUID = 1L;

  public TenantStatusException(
      TenantSlug slug, TenantStatus actual, TenantStatus required, String step) {
    super(
        ProblemKind.CONFLICT,
        "Cannot "
            + step
            + " tenant '"
            + slug
            + "': it is "
            + actual
            + ", and only a "
            + required
            + " tenant can be "
            + (step.endsWith("e") ? step + "d" : step + "ed")
            + ".");
  }
}
