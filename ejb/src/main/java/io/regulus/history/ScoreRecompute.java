package io.regulus.history;

import java.time.LocalDate;

/**
 * A run of the score recomputation job: its execution, the day it records, and its batch status
 * (STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED).
 */
public record ScoreRecompute(long executionId, LocalDate day, String status) {}
