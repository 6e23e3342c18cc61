package io.regulus.template.exchange;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader streams, for the workbook tests. */
final class WorkbookSink implements TemplateSink {

  final List<TemplateHeader> headers = new ArrayList<>();
  final List<ExchangeAction> actions = new ArrayList<>();
  final List<ExchangeControl> controls = new ArrayList<>();
  final List<ImportProblem> problems = new ArrayList<>();

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

  TemplateContent content() {
    return new TemplateContent("read", "1", headers.get(0), actions, controls);
  }
}
