package io.regulus.template;

/**
 * What an assessment is built from: a global template version, a private template version, or a
 * global version plus an extension's latest version.
 *
 * @param templateKey the global template's key, or the private template's
 * @param globalVersionId the platform's template_version id, or null for a private template
 * @param privateVersionId the tenant's private_template_version id (private template or extension),
 *     or null
 */
public record ResolvedTemplate(
    String templateKey,
    String version,
    String regulation,
    Long globalVersionId,
    String extensionKey,
    Integer extensionVersion,
    Long privateVersionId) {}
