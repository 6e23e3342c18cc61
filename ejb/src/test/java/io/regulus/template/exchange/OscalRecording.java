package io.regulus.template.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sink keeping all an OSCAL reading gave, for the OSCAL tests. */
final class OscalRecording implements TemplateSink {

  static final Path DATA = Path.of("../data/oscal");

  final List<TemplateHeader> headers = new ArrayList<>();
  final List<ExchangeAction> actions = new ArrayList<>();
  final List<ExchangeControl> controls = new ArrayList<>();
  final List<ImportProblem> problems = new ArrayList<>();
  final List<ImportProblem> notices = new ArrayList<>();

  static OscalRecording read(String file, ImportOptions options) {
    try (InputStream in = Files.newInputStream(DATA.resolve(file))) {
      return read(in, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OscalRecording read(byte[] bytes, ImportOptions options) {
    try {
      return read(new ByteArrayInputStream(bytes), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OscalRecording readJson(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8), ImportOptions.DEFAULTS);
  }

  static OscalRecording read(InputStream in, ImportOptions options) throws IOException {
    OscalRecording recording = new OscalRecording();
    new OscalCatalogReader().read(in, options, recording);
    return recording;
  }

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
