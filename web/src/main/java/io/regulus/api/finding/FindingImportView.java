package io.regulus.api.finding;

import io.regulus.finding.FindingImport;
import java.util.Map;
import java.util.UUID;

/**
 * What an import stored: the signal batch (null when no finding gave a signal), the findings read,
 * the signals stored, and the findings skipped because no signal is mapped for their check, by
 * check.
 */
public record FindingImportView(
    UUID batch, int findings, int signals, int skipped, Map<String, Integer> skippedChecks) {

  static FindingImportView of(FindingImport done) {
    return new FindingImportView(
        done.batch(), done.findings(), done.signals(), done.skipped(), done.skippedChecks());
  }
}
