package io.regulus.template.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What an OSCAL reading gave, for the OSCAL tests. */
final class OscalRecording extends RecordingSink {

  static final Path DATA = Path.of("../data/oscal");

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
}
