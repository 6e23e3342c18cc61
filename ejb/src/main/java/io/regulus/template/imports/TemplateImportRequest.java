package io.regulus.template.imports;

import io.regulus.template.exchange.ImportOptions;
import io.regulus.template.exchange.TemplateFormat;

/**
 * What an owner asks to import.
 *
 * @param key the template's key: a new template, or a new version of one the owner has
 * @param version the version's label (global templates; a firm's and a tenant's versions are
 *     numbered 1, 2, ...); null for the next one
 * @param format the file's format
 * @param fileName the uploaded file's name, for the import's record
 * @param options the defaults where the file says nothing
 */
public record TemplateImportRequest(
    String key, String version, TemplateFormat format, String fileName, ImportOptions options) {}
