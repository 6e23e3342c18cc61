package io.regulus.template.exchange;

import java.util.ArrayList;
import java.util.List;

/** Keeps all a reader streams, for the tests of every format and of the built-in library. */
public class RecordingSink implements TemplateSink {

  public final List<TemplateHeader> headers = new ArrayList<>();
  public final List<ExchangeAction> actions = new ArrayList<>();
  public final List<ExchangeControl> controls = new ArrayList<>();
  public final List<ImportProblem> problems = new ArrayList<>();
  public final List<ImportProblem> notices = new ArrayList<>();

  ExchangeControl control(String id) {
    return controls.stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no control " + id));
  }

  ExchangeAction action(String key) {
    return actions.stream()
        .filter(a -> a.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no action " + key));
  }

  /** What was read, as a version to write again. */
  TemplateContent content() {
    return new TemplateContent("read", "1", headers.get(0), actions, controls);
  }

  @Override
  public void header(TemplateHeader header) {
    headers.add(header);
  }

  @Override
  public void action(ExchangeAction action) {
    actions.add(action);
  }

  @Override
  public void control(ExchangeControl control) {
    controls.add(control);
  }

  @Override
  public void problem(ImportProblem problem) {
    problems.add(problem);
  }

  @Override
  public void notice(ImportProblem notice) {
    notices.add(notice);
  }
}
