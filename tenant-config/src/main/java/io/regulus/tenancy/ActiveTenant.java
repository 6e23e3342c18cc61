package io.regulus.tenancy;

/**
 * An active tenant as tenant-scoped code sees it, obtained from the registry ({@link
 * TenantRegistry}) for a request, or for batch work from a job parameter checked the same way. Its
 * schema is always the one derived from its validated slug.
 */
public record ActiveTenant(TenantSlug slug, String schemaName) {

  public ActiveTenant {
    if (slug == null || !slug.schemaName().equals(schemaName)) {
      throw new IllegalArgumentException("schema name must be derived from the slug");
    }
  }
}
