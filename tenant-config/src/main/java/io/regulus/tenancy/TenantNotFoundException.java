package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** No tenant of that slug is being served (never existed, or not yet fully provisioned). */
public class TenantNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public TenantNotFoundException(TenantSlug slug) {
    super(
        ProblemKind.NOT_FOUND,
        "Tenant '"
            + slug
            + "' does not exist or is not active yet; tenants are provisioned by a platform operator.");
  }
}
