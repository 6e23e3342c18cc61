package io.regulus.api.evidence;

import io.regulus.evidence.EvidenceDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A link to where the proof of an action is kept (http or https), with an optional title and
 * validity window.
 */
public record LinkRequest(
    @NotBlank @Size(max = 2000) String url,
    @Size(max = 300) String title,
    LocalDate validFrom,
    LocalDate validUntil) {

  EvidenceDetails details() {
    return new EvidenceDetails(
        title == null || title.isBlank() ? null : title.strip(), validFrom, validUntil);
  }
}
