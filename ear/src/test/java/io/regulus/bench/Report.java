package io.regulus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's report: printed line by line as it is written, and appended whole to the results
 * file.
 */
final class Report {

  private final StringBuilder text = new StringBuilder();

  /**
   * The head of a report: the benchmark and when it started (UTC), the machine, the commit, the
   * load average.
   */
  void begin(String benchmark) {
    line(
        "== %s, %s ==",
        benchmark,
        OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    field("machine", Machine.describe());
    field("commit", Machine.commit());
    field("load average at start (1/5/15 min)", Machine.load());
  }

  /**
   * The foot of a report: the load average at the end; then the whole report is appended to the
   * file.
   */
  void end(Path file) throws IOException {
    line("");
    field("load average at end (1/5/15 min)", Machine.load());
    appendTo(file);
  }

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

  /** "a 3, b 5": counts by name, in the map's order. */
  static String join(Map<String, ? extends Number> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
