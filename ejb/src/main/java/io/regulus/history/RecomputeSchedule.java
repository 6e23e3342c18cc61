package io.regulus.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The nightly score recomputation as operators see it.
 *
 * @param on whether it runs (REGULUS_NIGHTLY)
 * @param at its time of day, e.g. {@code 02:30} (REGULUS_NIGHTLY_AT)
 * @param timeZone the zone of {@code at}: always UTC
 * @param nextDue when it fires next; null when off
 * @param lastRun the latest day a node claimed; null before the first
 */
public record RecomputeSchedule(
    boolean on, String at, String timeZone, Instant nextDue, LastRun lastRun) {

  /**
   * A claimed nightly run: its day, its execution (null while starting) and that execution's batch
   * status, the node that claimed it and when.
   */
  public record LastRun(
      LocalDate day, Long executionId, String node, Instant claimedAt, String status) {}
}
