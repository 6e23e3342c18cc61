package io.regulus.jobs;

/**
 * What an operator may do with an execution, depending on its job and status ({@link JobRules}).
 */
public enum JobOperation {
  /** Ask a running execution to stop at its next checkpoint. */
  STOP,
  /** Run a failed or stopped execution again from where it ended, as a new execution. */
  RESTART,
  /** Give up a failed or stopped execution for good: it can no longer restart. */
  ABANDON
}
