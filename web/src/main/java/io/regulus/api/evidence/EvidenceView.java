package io.regulus.api.evidence;

import io.regulus.evidence.Evidence;
import io.regulus.evidence.EvidenceKind;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A piece of evidence as the API shows it, without its content ({@code GET .../content} has that).
 *
 * @param expired its validity ended before today: the action needs a new test (and newer evidence)
 */
public record EvidenceView(
    long id,
    EvidenceKind kind,
    String title,
    String fileName,
    String mediaType,
    Long size,
    String sha256,
    String url,
    LocalDate validFrom,
    LocalDate validUntil,
    String uploadedBy,
    String uploadedByName,
    Instant uploadedAt,
    boolean expired) {

  static EvidenceView of(Evidence evidence) {
    return new EvidenceView(
        evidence.id(),
        evidence.kind(),
        evidence.title(),
        evidence.fileName(),
        evidence.mediaType(),
        evidence.size(),
        evidence.sha256(),
        evidence.url(),
        evidence.validFrom(),
        evidence.validUntil(),
        evidence.uploadedBy(),
        evidence.uploadedByName(),
        evidence.uploadedAt(),
        evidence.expired());
  }
}
