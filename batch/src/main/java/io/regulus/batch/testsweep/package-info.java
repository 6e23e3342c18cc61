/**
 * The artifacts of the {@code test-sweep} job: one tenant, or partitions of the active tenants as
 * the score recomputation makes them, each a thin step over the domain's {@code TestSweeps}, run as
 * {@code job:test-sweep}; a failed partition's reason, naming the tenant, becomes its exit status.
 */
package io.regulus.batch.testsweep;
