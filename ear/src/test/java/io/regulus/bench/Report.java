package io.regulus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The benchmark's report: printed line by line as it is written, and appended whole to the results file. */
final class Report {

  private final StringBuilder text = new StringBuilder();

  void line(String format, Object... args) {
    String line = args.length == 0 ? format : String.format(format, args);
    System.out.println("[bench] " + line);
    text.append(line).append('\n');
  }

  /** A "name : value" line with the names aligned. */
  void field(String name, String format, Object... args) {
    line("%-34s %s", name, args.length == 0 ? format : String.format(format, args));
  }

  void appendTo(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file, text.append('\n').toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("[bench] appended to " + file);
  }
}
