/**
 * The domain's handle on Jakarta Batch: {@link io.regulus.jobs.Jobs} starts, stops and restarts
 * jobs by name with their parameters; the batch module implements it next to the job XML, so that
 * the domain decides who may and the batch module runs them.
 */
package io.regulus.jobs;
