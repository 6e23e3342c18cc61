package io.regulus.batch.templateimport;

import io.regulus.access.SystemCaller;
import io.regulus.template.imports.TemplateImportSteps;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Publishes the staged items as one new version, in one transaction. */
@Named
@Dependent
public class TemplateImportPublication extends AbstractBatchlet {

  @Inject private JobContext job;
  @Inject private TemplateImportSteps steps;

  @Override
  public String process() {
    return steps.publish(SystemCaller.TEMPLATE_IMPORT, ImportId.of(job));
  }
}
