package io.regulus.action;

/**
 * A control an action instance helps satisfy: one control of one assessment that needs the
 * instance, as the assessment's snapshot of its template has it.
 *
 * @param regulation the regulation of the assessment's template, e.g. "EU GDPR"
 * @param template the template's key and version the assessment was built from
 * @param controlId the control's id in that template, e.g. {@code Art.32(1)(b)}
 */
public record ServedControl(
    long assessmentId,
    String assessment,
    String group,
    String regulation,
    String template,
    String templateVersion,
    String controlId,
    String family,
    String title) {}
