package io.regulus.template.exchange;

import java.io.IOException;
import java.io.OutputStream;

/** Streams a template version out in one file format. */
public interface TemplateWriter {

  void write(TemplateContent content, OutputStream out) throws IOException;
}
