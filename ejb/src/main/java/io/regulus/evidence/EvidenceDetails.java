package io.regulus.evidence;

import java.time.LocalDate;

/**
 * What the uploader says of a piece of evidence: a title, and the window in which it proves the
 * action.
 */
public record EvidenceDetails(String title, LocalDate validFrom, LocalDate validUntil) {}
