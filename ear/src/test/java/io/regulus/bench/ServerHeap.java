package io.regulus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Liberty server's heap as its own GC log tells it ({@code -Xlog:gc}, which the bench profile
 * turns on): every collection's heap before and after, read for the lines a phase added. A full
 * collection is asked for with {@code jcmd <pid> GC.run} (the server found by its command line), so
 * that a phase starts and ends with the heap's live data alone.
 */
final class ServerHeap {

  /** "GC(7) Pause Young (Normal) (G1 Evacuation Pause) 301M->112M(1024M) 4.1ms". */
  private static final Pattern COLLECTION =
      Pattern.compile(
          "GC\\(\\d+\\) (Pause [^)]*\\)).*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  /** What the log says of the collections in one phase, in MB. */
  record Phase(int collections, long peakBeforeMb, long peakAfterMb, long capacityMb) {}

  /**
   * A full collection: the heap used before it (with no collection since the last one, the most the
   * heap held in between), after it (the live data) and the heap's size, in MB.
   */
  record Full(long beforeMb, long afterMb, long capacityMb) {}

  private final Path log;
  private final long pid;
  private final Path jcmd;
  private long mark;

  private ServerHeap(Path log, long pid, Path jcmd) {
    this.log = log;
    this.pid = pid;
    this.jcmd = jcmd;
  }

  /** The server whose command line names {@code serverName}, and its GC log. */
  static ServerHeap of(String serverName, Path log) {
    long pid =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .map(c -> c.contains("ws-server.jar") && c.contains(serverName))
                        .orElse(false))
            .mapToLong(ProcessHandle::pid)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Liberty server " + serverName));
    Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
    return new ServerHeap(log, pid, java.resolveSibling("jcmd"));
  }

  long pid() {
    return pid;
  }

  /** A full collection, as the log tells it. */
  Full collect() throws IOException, InterruptedException {
    long before = Files.size(log);
    Process run =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
            .redirectErrorStream(true)
            .start();
    run.getInputStream().readAllBytes();
    if (!run.waitFor(2, TimeUnit.MINUTES) || run.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " GC.run failed");
    }
    for (int i = 0; i < 50; i++) {
      for (String line : linesFrom(before)) {
        Matcher m = COLLECTION.matcher(line);
        if (m.find() && m.group(1).startsWith("Pause Full")) {
          return new Full(
              mb(m.group(2), m.group(3)), mb(m.group(4), m.group(5)), mb(m.group(6), m.group(7)));
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no full collection in " + log + " after GC.run");
  }

  /** Starts a phase: only collections logged from now on count. */
  void mark() throws IOException {
    mark = Files.size(log);
  }

  /** The collections logged since {@link #mark()}. */
  Phase phase() throws IOException {
    int collections = 0;
    long peakBefore = 0;
    long peakAfter = 0;
    long capacity = 0;
    for (String line : linesFrom(mark)) {
      Matcher m = COLLECTION.matcher(line);
      if (m.find()) {
        collections++;
        peakBefore = Math.max(peakBefore, mb(m.group(2), m.group(3)));
        peakAfter = Math.max(peakAfter, mb(m.group(4), m.group(5)));
        capacity = Math.max(capacity, mb(m.group(6), m.group(7)));
      }
    }
    return new Phase(collections, peakBefore, peakAfter, capacity);
  }

  private List<String> linesFrom(long offset) throws IOException {
    byte[] all = Files.readAllBytes(log);
    int from = (int) Math.min(offset, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
  }

  private static long mb(String value, String unit) {
    long n = Long.parseLong(value);
    return switch (unit) {
      case "K" -> n / 1024;
      case "G" -> n * 1024;
      default -> n;
    };
  }
}
