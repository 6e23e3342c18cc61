package io.regulus.jobs;

import java.time.Instant;
import java.util.List;

/**
 * One step of a job execution: its status and exit status, its times, the items its chunks read and
 * wrote (0 for a batchlet; the partitions' sum for a partitioned chunk step), and for a partitioned
 * step how many partitions the plan holds and each partition this execution ran. A restart runs
 * only the partitions that did not complete before, so {@code partitionsCompleted} counts those
 * completed by this execution or an earlier one of the same instance.
 */
public record StepRun(
    String name,
    String status,
    String exitStatus,
    Instant started,
    Instant ended,
    long read,
    long written,
    int partitionsPlanned,
    int partitionsCompleted,
    List<PartitionRun> partitions) {

  public StepRun {
    partitions = List.copyOf(partitions);
  }

  public boolean partitioned() {
    return partitionsPlanned > 0;
  }
}
