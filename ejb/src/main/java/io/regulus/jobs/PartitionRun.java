package io.regulus.jobs;

import java.time.Instant;

/** One partition of a partitioned step, as one execution ran it (numbered from 0). */
public record PartitionRun(
    int number,
    String status,
    String exitStatus,
    Instant started,
    Instant ended,
    long read,
    long written) {}
