/**
 * The artifacts of the {@code template-import} job: thin steps over the domain's {@code
 * TemplateImportSteps}, run as the job's system caller with the import's id from the job's
 * parameters.
 */
package io.regulus.batch.templateimport;
