package io.regulus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where a run's CPU time went: user + system time of each part of the stack (a process found by its
 * command line, with all its descendants, e.g. PostgreSQL's backends), of the benchmark's own JVM,
 * and of the whole machine ({@code /proc/stat}), read before and after. A process that ended in
 * between loses its time, so the parts are lower bounds; the machine's total is not.
 */
final class CpuShare {

  /** CPU ticks per second of /proc ({@code getconf CLK_TCK}; 100 on Linux on x86 and ARM). */
  private static final double TICKS = 100.0;

  /** One reading: CPU seconds by part, the machine's busy and total CPU seconds, and when. */
  record Reading(Map<String, Double> parts, double machineBusy, double machineAll, long nanos) {}

  private final Map<String, Predicate<String>> parts = new LinkedHashMap<>();

  /**
   * @param stackDir the stack's directory: its servers' command lines name it
   */
  CpuShare(Path stackDir) {
    String dir = stackDir.toAbsolutePath().normalize().toString();
    parts.put("Liberty", line -> line.contains("ws-server") && line.contains(dir + "/liberty"));
    parts.put("PostgreSQL", line -> line.contains(dir + "/postgres-bin") && line.contains(" -D "));
    parts.put("Keycloak", line -> line.contains(dir + "/keycloak") && line.contains("java"));
  }

  Reading read() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    parts.forEach(
        (name, matches) ->
            seconds.put(
                name,
                ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine().filter(matches).isPresent())
                    .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
                    .distinct()
                    .mapToDouble(process -> cpu(process.pid()))
                    .sum()));
    seconds.put("benchmark JVM (clients + Maven)", cpu(ProcessHandle.current().pid()));
    double[] machine = machine();
    return new Reading(seconds, machine[0], machine[1], System.nanoTime());
  }

  /**
   * "Liberty 61.2 s (51%), ...": CPU seconds of each part between two readings, in share of the
   * machine's.
   */
  static String between(Reading before, Reading after) {
    double wall = (after.nanos() - before.nanos()) / 1e9;
    double all = after.machineAll() - before.machineAll();
    double busy = after.machineBusy() - before.machineBusy();
    StringBuilder text = new StringBuilder();
    double known = 0;
    for (Map.Entry<String, Double> part : after.parts().entrySet()) {
      double used = part.getValue() - before.parts().getOrDefault(part.getKey(), 0.0);
      known += used;
      text.append(String.format("%s %.1f s (%.0f%%); ", part.getKey(), used, 100 * used / all));
    }
    // the parts and the machine are counted apart, so "everything else" can come out a hair below
    // zero
    double rest = Math.max(0, busy - known);
    text.append(
        String.format(
            "everything else %.1f s (%.0f%%); machine busy %.0f%% of %.0f CPU-seconds in %.1f s",
            rest, 100 * rest / all, 100 * busy / all, all, wall));
    return text.toString();
  }

  /** User + system CPU seconds of one process (all its threads); 0 when it is gone. */
  private static double cpu(long pid) {
    Optional<String> stat = read(Path.of("/proc/" + pid + "/stat"));
    if (stat.isEmpty()) {
      return 0;
    }
    String[] fields = stat.get().substring(stat.get().lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
  }

  /** The machine's busy and total CPU seconds since boot, all cores. */
  private static double[] machine() {
    String[] cpu =
        read(Path.of("/proc/stat"))
            .orElse("cpu 0 0 0 0")
            .lines()
            .findFirst()
            .orElse("cpu 0 0 0 0")
            .trim()
            .split("\\s+");
    double all = 0;
    double idle = 0;
    for (int i = 1; i < cpu.length; i++) {
      long ticks = Long.parseLong(cpu[i]);
      all += i <= 8 ? ticks : 0;
      idle += i == 4 || i == 5 ? ticks : 0;
    }
    return new double[] {(all - idle) / TICKS, all / TICKS};
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
