package io.regulus.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One piece of evidence of an action instance, without its content. A file has its name, media type
 * (from its bytes), size and SHA-256; a link has its URL.
 *
 * @param instanceId the instance that holds it (the parent's, for an action that follows its
 *     parent)
 * @param expired its validity ended before today (the database's today, as the retest flag counts
 *     it)
 */
public record Evidence(
    long id,
    long instanceId,
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

  /** How the action's history names it: kind, id and what it is. */
  String describe() {
    return kind == EvidenceKind.FILE
        ? "file #" + id + " " + fileName + " (" + size + " bytes, SHA-256 " + sha256 + ")"
        : "link #" + id + " " + url;
  }
}
