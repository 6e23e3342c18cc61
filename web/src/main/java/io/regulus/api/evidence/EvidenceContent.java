package io.regulus.api.evidence;

import io.regulus.access.TenantCaller;
import io.regulus.evidence.Evidence;
import io.regulus.evidence.EvidenceService;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A file's content written to the response slice by slice, each slice read from the database in a
 * short transaction of its own, so a download neither holds the file in memory nor a connection for
 * its whole length. A file deleted during the download ends it short (the client sees fewer bytes
 * than Content-Length).
 */
final class EvidenceContent implements StreamingOutput {

  private static final int SLICE = 1024 * 1024;

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
    int offset = 0;
    while (offset < file.size()) {
      Optional<byte[]> slice = service.slice(caller, file, offset, SLICE);
      if (slice.isEmpty() || slice.get().length == 0) {
        throw new IOException("evidence " + file.id() + " was deleted during its download");
      }
      out.write(slice.get());
      offset += slice.get().length;
    }
  }
}
