package io.regulus.api.report;

import io.regulus.report.StoredReport;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored report: the day it was built for, the snapshot date its figures are from, its kind
 * (SUMMARY, WORKBOOK or PORTFOLIO), its file name and size, and where to download it.
 */
public record ReportView(
    long id,
    LocalDate day,
    LocalDate snapshotDate,
    String kind,
    String mediaType,
    String fileName,
    long sizeBytes,
    Instant createdAt,
    String download) {

  static ReportView of(StoredReport report, String base) {
    return new ReportView(
        report.id(),
        report.day(),
        report.snapshotDate(),
        report.kind().name(),
        report.kind().mediaType(),
        report.fileName(),
        report.sizeBytes(),
        report.createdAt(),
        base + "/" + report.id());
  }
}
