package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.util.regex.Pattern;

/**
 * The URL name of a tenant ({@code acme}, {@code globex-eu}): 3 to 40 characters, lowercase
 * letters, digits and single hyphens, starting with a letter and not ending with a hyphen. The
 * tenant's schema name is derived from it and from nothing else.
 */
public record TenantSlug(String value) {

  public static final int MAX_LENGTH = 40;
  static final Pattern RULE = Pattern.compile("[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,39}");
  static final String SCHEMA_PREFIX = "tenant_";

  /**
   * Names no new tenant or firm may take, though they follow the rule: PostgreSQL's own schemas and
   * prefix, the platform's schema, and names a person could take for the platform itself or one of
   * its services. A tenant or firm registered before a name was reserved stays reachable.
   */
  private static final Pattern RESERVED =
      Pattern.compile(
          "pg.*|regulus.*|platform|public|information-schema|postgres|keycloak|admin|administrator"
              + "|root|system|operator|api|app|www|openapi|health|metrics|tenant|tenants|firm|firms"
              + "|support|security|default|null|new|me");

  public TenantSlug {
    if (value == null || !RULE.matcher(value).matches()) {
      throw new InvalidTenantSlugException(value);
    }
  }

  /**
   * Refuses a name reserved for the platform (see {@link #RESERVED}) to a new tenant or firm.
   *
   * @param kind "tenant" or "firm", as the message names it
   */
  static void refuseReserved(String value, String kind) {
    if (RESERVED.matcher(value).matches()) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "'"
              + value
              + "' is reserved for the platform and cannot name a "
              + kind
              + " (reserved: names starting with 'pg' or 'regulus', and platform, public,"
              + " information-schema, admin, api and the like). Choose another slug, such as '"
              + kind
              + "-"
              + value
              + "' or your organisation's name.",
          "slug");
    }
  }

  /**
   * {@code tenant_} and the slug with hyphens as underscores: injective, since slugs have no
   * underscore.
   */
  public String schemaName() {
    return SCHEMA_PREFIX + value.replace('-', '_');
  }

  @Override
  public String toString() {
    return value;
  }
}
