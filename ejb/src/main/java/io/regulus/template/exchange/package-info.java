/**
 * Templates in and out of files: Compliance Manager's Excel workbook and NIST OSCAL catalogs. A
 * {@link io.regulus.template.exchange.TemplateReader} streams a file into a {@link
 * io.regulus.template.exchange.TemplateSink} (header, actions, controls, and every problem found,
 * with where it is); writers stream a {@link io.regulus.template.exchange.TemplateContent} out.
 * Pure code: no database, no container.
 */
package io.regulus.template.exchange;
