/**
 * The platform's batch jobs over HTTP, for operators: every execution, one in detail with its steps
 * and partitions, a score recomputation started by hand, an execution stopped, restarted or
 * abandoned.
 */
package io.regulus.api.jobs;
