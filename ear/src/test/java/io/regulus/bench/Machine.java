package io.regulus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the figures were measured on: cores, memory, CPU model, load, JDK, and the commit the build
 * was made from.
 */
final class Machine {

  private Machine() {}

  static String describe() {
    long memKb =
        lines("/proc/meminfo").stream()
            .filter(line -> line.startsWith("MemTotal:"))
            .map(line -> line.replaceAll("\\D", ""))
            .mapToLong(Long::parseLong)
            .findFirst()
            .orElse(0);
    String cpu =
        lines("/proc/cpuinfo").stream()
            .filter(line -> line.startsWith("model name"))
            .map(line -> line.substring(line.indexOf(':') + 1).trim())
            .findFirst()
            .orElse("unknown CPU");
    return String.format(
        "%d cores (%s), %.1f GiB RAM, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memKb / 1024.0 / 1024.0,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"));
  }

  /**
   * The 1, 5 and 15 minute load averages: the cores are shared with whatever else runs on the
   * machine.
   */
  static String load() {
    List<String> lines = lines("/proc/loadavg");
    if (lines.isEmpty()) {
      return "unknown";
    }
    String[] parts = lines.get(0).split("\\s+");
    return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : lines.get(0);
  }

  /**
   * HEAD, marked when the work tree differs from it; {@code -Dbench.commit} (in MAVEN_OPTS) says it
   * instead.
   */
  static String commit() {
    String given = System.getProperty("bench.commit");
    if (given != null && !given.isBlank()) {
      return given;
    }
    String head = git("rev-parse", "--short", "HEAD");
    if (head == null) {
      return "unknown";
    }
    return git("diff", "--quiet", "HEAD", "--") == null ? head + " + uncommitted changes" : head;
  }

  /** What git printed, or null when it failed (or, for diff --quiet, found differences). */
  private static String git(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes()).trim();
      return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
