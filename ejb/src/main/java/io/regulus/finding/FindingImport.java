package io.regulus.finding;

import java.util.Map;
import java.util.UUID;

/**
 * What an import did: the signal batch it stored (null when no finding gave a signal), the findings
 * read, the signals stored, and the findings skipped because no signal is mapped for their check,
 * counted by check.
 */
public record FindingImport(
    UUID batch, int findings, int signals, int skipped, Map<String, Integer> skippedChecks) {}
