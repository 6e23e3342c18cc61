package io.regulus.history;

import java.time.LocalDate;

/**
 * What the schedule's attempt at a day's nightly run came to.
 *
 * @param executionId the run this node started (STARTED), the one the claiming node started
 *     (CLAIMED; null while it starts), or the run going (RUN_GOING)
 * @param node the node that claimed the day (STARTED, CLAIMED)
 */
public record NightlyStart(Outcome outcome, LocalDate day, Long executionId, String node) {

  /** Why a run started or not. */
  public enum Outcome {
    /** This node claimed the day and started its run. */
    STARTED,
    /** A node (this one earlier, or another) claimed the day already: nothing to do. */
    CLAIMED,
    /** Another run of the job is going (an operator's): the day stays unclaimed, try later. */
    RUN_GOING,
    /** The schedule is off, or the day's time has not come yet. */
    NOT_DUE
  }
}
