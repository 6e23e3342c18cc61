package io.regulus.report;

import java.time.LocalDate;

/** A run of the reports job: its execution id, the day it builds and the job's status. */
public record ReportBuild(long executionId, LocalDate day, String status) {}
