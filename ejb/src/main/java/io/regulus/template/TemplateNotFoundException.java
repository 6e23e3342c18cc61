package io.regulus.template;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** No template of that key in the library or the tenant. */
public class TemplateNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  public TemplateNotFoundException(String key) {
    super(
        ProblemKind.NOT_FOUND,
        "No template '"
            + key
            + "' in the library or in this tenant. GET"
            + " /tenants/{tenant}/templates lists the templates you can use.");
  }
}
