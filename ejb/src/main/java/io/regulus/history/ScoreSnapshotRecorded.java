package io.regulus.history;

import io.regulus.tenancy.ActiveTenant;

/**
 * A tenant's score snapshot of {@code day} was recorded (a CDI event, in the transaction that
 * recorded it), by the nightly recomputation or a run an operator started: what the day's daily
 * checks follow. {@code by} names the caller that recorded it (the job's system caller).
 */
public record ScoreSnapshotRecorded(ActiveTenant tenant, java.time.LocalDate day, String by) {}
