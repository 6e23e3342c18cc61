/**
 * The artifacts of the {@code score-recompute} job: partitions of the active tenants, in slug order
 * (a restart maps the same ones and runs only those that did not complete), each a thin step over
 * the domain's {@code ScoreSnapshots}, run as {@code job:recompute} with the day from the job's
 * parameters.
 */
package io.regulus.batch.scorerecompute;
