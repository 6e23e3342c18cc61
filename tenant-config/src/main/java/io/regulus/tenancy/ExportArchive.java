package io.regulus.tenancy;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A stored export's archive as a download: its size, and the archive itself written to a stream as
 * it is read from the database (never whole in memory).
 */
public record ExportArchive(long size, Content content) {

  /** Writes the archive; it runs when the answer is written, in a read of its own. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  public void writeTo(OutputStream out) throws IOException {
    content.writeTo(out);
  }
}
