package io.regulus.evidence;

import io.regulus.access.TenantCaller;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Writes a file's content slice by slice, each slice read through {@link EvidenceService#slice} in
 * a short transaction of its own, so a download neither holds the file in memory nor a connection
 * for its whole length: the API's and the pages' downloads. A file deleted during the download ends
 * it short with an {@link IOException} (the client sees fewer bytes than announced).
 */
public final class EvidenceWriter {

  private static final int SLICE = 1024 * 1024;

  private EvidenceWriter() {}

  public static void write(
      EvidenceService service, TenantCaller caller, Evidence file, OutputStream out)
      throws IOException {
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
