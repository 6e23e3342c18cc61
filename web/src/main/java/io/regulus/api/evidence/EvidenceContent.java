package io.regulus.api.evidence;

import io.regulus.access.TenantCaller;
import io.regulus.evidence.Evidence;
import io.regulus.evidence.EvidenceService;
import io.regulus.evidence.EvidenceWriter;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;

/** A file's content as the response body, written by {@link EvidenceWriter} slice by slice. */
final class EvidenceContent implements StreamingOutput {

  private final EvidenceService service;
  private final TenantCaller caller;
  private final Evidence file;

  EvidenceContent(EvidenceService service, TenantCaller caller, Evidence file) {
    this.service = service;
    this.caller = caller;
    this.file = file;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    EvidenceWriter.write(service, caller, file, out);
  }
}
