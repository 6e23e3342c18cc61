package io.regulus.batch.templateimport;

import io.regulus.access.SystemCaller;
import io.regulus.template.imports.TemplateImportSteps;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Records how the job ended on its import: stopped by its owner (nothing kept), or failed or
 * stopped by the server's shutdown (restartable).
 */
@Named
@Dependent
public class TemplateImportListener extends AbstractJobListener {

  @Inject private JobContext job;
  @Inject private TemplateImportSteps steps;

  @Override
  public void afterJob() {
    String status = job.getBatchStatus().name();
    if (status.startsWith("STOP") || status.equals("FAILED")) {
      steps.ended(
          SystemCaller.TEMPLATE_IMPORT,
          ImportId.of(job),
          status,
          job.getExitStatus() == null ? "a step failed" : job.getExitStatus());
    }
  }
}
