/**
 * Jakarta Batch jobs: bulk template import, nightly score recomputation across all tenants (one
 * partition per tenant), nightly reports, template roll-out, automated testing sweeps. Each job
 * receives its tenant as a job parameter, never from a request's context. No job has landed yet.
 */
package io.regulus.batch;
