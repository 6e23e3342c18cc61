package io.regulus.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A report the reports job stored: which day it was built for, from the snapshot of which day, its
 * kind, its size and its file name.
 */
public record StoredReport(
    long id,
    LocalDate day,
    LocalDate snapshotDate,
    ReportKind kind,
    String fileName,
    long sizeBytes,
    Instant createdAt) {}
