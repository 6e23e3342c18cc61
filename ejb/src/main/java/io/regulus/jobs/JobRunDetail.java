package io.regulus.jobs;

import java.util.List;

/**
 * An execution in detail for an operator: the execution, why it failed in plain words (null unless
 * it failed), its steps with their partitions and progress, the execution that restarted it (null
 * when none did), and what the operator may do with it now.
 */
public record JobRunDetail(
    JobRun run,
    String failureReason,
    List<StepRun> steps,
    Long restartedAs,
    List<JobOperation> operations) {

  public JobRunDetail {
    steps = List.copyOf(steps);
    operations = List.copyOf(operations);
  }
}
