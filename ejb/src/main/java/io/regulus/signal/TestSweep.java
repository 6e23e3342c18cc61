package io.regulus.signal;

/**
 * A run of the test sweep job: its execution, the tenant it sweeps (null for every active tenant),
 * whether it is the nightly run's, its batch status (STARTING, STARTED, STOPPING, STOPPED, FAILED,
 * COMPLETED, ABANDONED), and, when it ended otherwise than completed, why (null otherwise).
 */
public record TestSweep(
    long executionId, String tenant, boolean nightly, String status, String failure) {}
