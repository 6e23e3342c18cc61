package io.regulus.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A scheduled run of a job as claimed: the day it is for, the node whose timer claimed it and when,
 * and the execution it started (null while the claim is being made).
 */
public record ScheduledRun(
    String job, LocalDate day, Long executionId, String node, Instant claimedAt) {}
