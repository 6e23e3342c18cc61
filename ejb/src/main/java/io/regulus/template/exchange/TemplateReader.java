package io.regulus.template.exchange;

import java.io.IOException;
import java.io.InputStream;

/** Streams one file format into a {@link TemplateSink}, reporting every problem it finds. */
public interface TemplateReader {

  /**
   * Reads the whole file; never throws for bad content (it becomes a {@link ImportProblem}), only
   * for an I/O failure of the stream itself.
   */
  void read(InputStream in, ImportOptions options, TemplateSink sink) throws IOException;
}
