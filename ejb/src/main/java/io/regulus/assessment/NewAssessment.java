package io.regulus.assessment;

/**
 * What a new assessment is built from. {@code version} null means the template's latest version;
 * for an extension it picks the global template's version, and the extension's latest controls are
 * added.
 */
public record NewAssessment(
    String name, String template, String version, Assessment.Scope scope, String scopeName) {}
