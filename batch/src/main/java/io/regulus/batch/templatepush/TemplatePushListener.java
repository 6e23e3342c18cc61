package io.regulus.batch.templatepush;

import io.regulus.access.SystemCaller;
import io.regulus.template.push.TemplatePushSteps;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records the push's status when its job ends: DONE when every client is, else FAILED. */
@Named
@Dependent
public class TemplatePushListener extends AbstractJobListener {

  @Inject private JobContext job;
  @Inject private TemplatePushSteps steps;

  @Override
  public void afterJob() {
    steps.ended(SystemCaller.TEMPLATE_PUSH, PushId.of(job));
  }
}
