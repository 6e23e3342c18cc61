package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/**
 * The URL name of a consulting firm ({@code northwind}); the same naming rule as {@link
 * TenantSlug}.
 */
public record FirmSlug(String value) {

  public FirmSlug {
    if (value == null || !TenantSlug.RULE.matcher(value).matches()) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "A firm slug is 3 to 40 lowercase letters, digits and single hyphens, starting with a letter; got '"
              + value
              + "'.",
          "firm");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
