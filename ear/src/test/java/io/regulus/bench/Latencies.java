package io.regulus.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Order statistics of a list of durations in nanoseconds, reported in milliseconds. The median of
 * an even count is the mean of the two middle values; other percentiles are nearest-rank (p99 of
 * 1,000 is the 990th value).
 */
final class Latencies {

  private final long[] sorted;

  Latencies(List<Long> nanos) {
    this.sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  int count() {
    return sorted.length;
  }

  double medianMs() {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1
        ? ms(sorted[middle])
        : (ms(sorted[middle - 1]) + ms(sorted[middle])) / 2;
  }

  double percentileMs(double percent) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return ms(sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]);
  }

  double minMs() {
    return sorted.length == 0 ? Double.NaN : ms(sorted[0]);
  }

  double maxMs() {
    return sorted.length == 0 ? Double.NaN : ms(sorted[sorted.length - 1]);
  }

  double meanMs() {
    return sorted.length == 0 ? Double.NaN : ms(Arrays.stream(sorted).sum()) / sorted.length;
  }

  /** "n=1000 median 41.2 p90 55.0 p99 80.3 max 120.9 ms". */
  String summary() {
    return String.format(
        "n=%d  min %.1f  median %.1f  p90 %.1f  p99 %.1f  max %.1f  mean %.1f ms",
        count(), minMs(), medianMs(), percentileMs(90), percentileMs(99), maxMs(), meanMs());
  }

  static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
