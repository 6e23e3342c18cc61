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
   * Something the reader did on its own that the file's author should know, which does not stop the
   * import (e.g. a withdrawn OSCAL control skipped). Unlike a {@link #problem}, a notice never
   * fails an import; a sink that has no use for notices ignores them.
   */
  default void notice(ImportProblem notice) {}
}
