package io.regulus.history;

import java.time.LocalDate;

/**
 * A run of the score recomputation job: its execution, the day it records, the number of partitions
 * it has (fixed when the run started; null for a run started before it was kept), its batch status
 * (STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED), and, when it failed, why
 * and what to do (null otherwise).
 */
public record ScoreRecompute(
    long executionId, LocalDate day, Integer partitions, String status, String failure) {}
