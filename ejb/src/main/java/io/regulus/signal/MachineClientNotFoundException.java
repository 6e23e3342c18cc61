package io.regulus.signal;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.TenantSlug;

/** No machine client of that id belongs to the tenant (another tenant's is not found either). */
public class MachineClientNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public MachineClientNotFoundException(TenantSlug tenant, String clientId) {
    super(
        ProblemKind.NOT_FOUND,
        "No machine client "
            + clientId
            + " in tenant '"
            + tenant
            + "': the tenant's machine clients list shows which there are.",
        "clientId");
  }
}
