package io.regulus.assessment;

import java.time.Instant;

/**
 * An assessment: a template version (with, for an extension, the extension's version on top) for
 * one scope in an assessment group. Its controls and their action mappings were snapshotted into
 * the tenant when it was created.
 */
public record Assessment(
    long id,
    long groupId,
    String group,
    String name,
    String templateKey,
    String templateVersion,
    String extensionKey,
    Integer extensionVersion,
    String regulation,
    Scope scope,
    String scopeName,
    Instant createdAt,
    String createdBy) {

  public static final int NAME_MAX = 120;
  public static final int SCOPE_NAME_MAX = 200;

  /** What the assessment covers. */
  public enum Scope {
    PRODUCT,
    SYSTEM,
    BUSINESS_UNIT
  }

  /**
   * The key an assessment was built from as the caller named it: the extension's, else the
   * template's.
   */
  public String builtFrom() {
    return extensionKey != null ? extensionKey : templateKey;
  }
}
