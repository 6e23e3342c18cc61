package io.regulus.batch.templatepush;

import io.regulus.access.SystemCaller;
import io.regulus.problem.DomainException;
import io.regulus.template.push.TemplatePushSteps;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Delivers the pushed version to one client (its partition); a failure is recorded on the client
 * with its reason and fails the partition, so the job can be restarted for it alone.
 */
@Named
@Dependent
public class TemplatePushDelivery extends AbstractBatchlet {

  @Inject private JobContext job;
  @Inject private TemplatePushSteps steps;

  @Inject
  @BatchProperty(name = "tenant")
  private String tenant;

  @Override
  public String process() {
    long push = PushId.of(job);
    try {
      steps.deliver(SystemCaller.TEMPLATE_PUSH, push, tenant);
      return "DONE";
    } catch (RuntimeException e) {
      steps.failed(SystemCaller.TEMPLATE_PUSH, push, tenant, reason(e));
      throw e;
    }
  }

  /** The domain's own words when it refused; otherwise no internals, only what to do. */
  private static String reason(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException refused) {
        return refused.getMessage();
      }
    }
    return "the delivery failed unexpectedly (the server log has the details); retry the push";
  }
}
