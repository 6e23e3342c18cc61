package io.regulus.template.imports;

/**
 * Whose library an import publishes into: the platform's global library, a firm's templates, or a
 * tenant's private templates.
 *
 * @param tenant the tenant's slug for {@link Kind#TENANT}, else null
 * @param firm the firm's slug for {@link Kind#FIRM}, else null
 */
public record ImportOwner(Kind kind, String tenant, String firm) {

  public enum Kind {
    GLOBAL,
    FIRM,
    TENANT
  }

  public static final ImportOwner GLOBAL = new ImportOwner(Kind.GLOBAL, null, null);

  public static ImportOwner tenant(String slug) {
    return new ImportOwner(Kind.TENANT, slug, null);
  }

  public static ImportOwner firm(String slug) {
    return new ImportOwner(Kind.FIRM, null, slug);
  }
}
