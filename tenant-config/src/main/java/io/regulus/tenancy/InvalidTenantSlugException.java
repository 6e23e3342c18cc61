package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;

/** A tenant slug that breaks the naming rule. */
public class InvalidTenantSlugException extends DomainException {

  private static final long serialVersionUID = 1L;

  InvalidTenantSlugException(String value) {
    super(
        ProblemKind.INVALID_INPUT,
        (value == null
                ? "A tenant slug is required. "
                : "'" + shorten(value) + "' is not a valid tenant slug. ")
            + "Use 3 to 40 characters: lowercase letters, digits and single hyphens, starting with a letter "
            + "and not ending with a hyphen (for example 'acme' or 'globex-eu').",
        "slug");
  }

  private static String shorten(String value) {
    String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 64 ? printable : printable.substring(0, 61) + "...";
  }
}
