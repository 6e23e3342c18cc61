/**
 * The artifacts of the {@code score-recompute} job: partitions of the active tenants, a tenant's
 * partition fixed by its slug and the number of partitions the run started with (a restart maps the
 * same ones and runs only those that did not complete), each a thin step over the domain's {@code
 * ScoreSnapshots}, run as {@code job:recompute} with the day from the job's parameters; a failed
 * partition's reason becomes the job's exit status.
 */
package io.regulus.batch.scorerecompute;
