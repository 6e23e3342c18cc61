package io.regulus.api.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How large one evidence file may be: the server.xml variable REGULUS_EVIDENCE_MAX_BYTES (README lists it). */
@ApplicationScoped
public class EvidenceSettings {

  @Inject
  @ConfigProperty(name = "REGULUS_EVIDENCE_MAX_BYTES", defaultValue = "26214400")
  long maxBytes;

  public long maxBytes() {
    return maxBytes;
  }
}
