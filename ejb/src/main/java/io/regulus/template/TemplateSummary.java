package io.regulus.template;

import java.util.List;

/**
 * A template a tenant can build assessments from, with its published versions, oldest first.
 *
 * @param kind GLOBAL (the platform's library), FIRM (a firm's template pushed to this client, its
 *     versions up to the one pushed), PRIVATE (the tenant's own) or EXTENSION (the tenant's
 *     controls on top of the global template {@code extendsKey})
 */
public record TemplateSummary(
    String key,
    String title,
    String regulation,
    String description,
    Kind kind,
    String extendsKey,
    List<String> versions) {

  /** Where a template comes from. */
  public enum Kind {
    GLOBAL,
    FIRM,
    PRIVATE,
    EXTENSION
  }

  public TemplateSummary {
    versions = List.copyOf(versions);
  }

  public String latest() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }
}
