package io.regulus.template.exchange;

/**
 * Receives a file's content as a {@link TemplateReader} streams it: the header once, then actions
 * and controls in file order (a format may interleave them), and every problem found. A reader
 * reports every problem it can find in one pass rather than stopping at the first, and stops only
 * when the file cannot be read on (corrupt, truncated, too big when unpacked).
 */
public interface TemplateSink {

  void header(TemplateHeader header);

  void action(ExchangeAction action);

  void control(ExchangeControl control);

  void problem(ImportProblem problem);

  /**
   * Something the reader skipped on purpose without the file being wrong (a withdrawn OSCAL
   * control): shown beside the result, never blocking it.
   */
  default void notice(ImportProblem notice) {}
}
