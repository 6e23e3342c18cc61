/**
 * The artifacts of the {@code template-push} job: a partition per client tenant, each a thin step
 * over the domain's {@code TemplatePushSteps}, run as the job's system caller with the push's id
 * from the job's parameters and the client from its partition's plan.
 */
package io.regulus.batch.templatepush;
