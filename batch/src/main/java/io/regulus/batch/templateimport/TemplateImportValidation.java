package io.regulus.batch.templateimport;

import io.regulus.access.SystemCaller;
import io.regulus.template.imports.TemplateImportSteps;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Checks the whole file; exit status INVALID ends the job with nothing staged. */
@Named
@Dependent
public class TemplateImportValidation extends AbstractBatchlet {

  @Inject private JobContext job;
  @Inject private TemplateImportSteps steps;

  @Override
  public String process() {
    return steps.validate(SystemCaller.TEMPLATE_IMPORT, ImportId.of(job)) ? "VALID" : "INVALID";
  }
}
