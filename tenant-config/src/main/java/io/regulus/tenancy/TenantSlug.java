package io.regulus.tenancy;

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

  public TenantSlug {
    if (value == null || !RULE.matcher(value).matches()) {
      throw new InvalidTenantSlugException(value);
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
