package io.regulus.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One timed pass of a sequential benchmark: {@code requests} samples one after the other, each
 * timed by the client (from sending the request to reading the whole answer, or around one SQL
 * transaction), and the pass's wall time.
 */
record Pass(Latencies latencies, long wallNanos) {

  /** One request (or one SQL transaction) of a pass, with its duration. */
  @FunctionalInterface
  interface Sample {
    ApiClient.Timed run() throws Exception;
  }

  /**
   * Runs the sample {@code requests} times, not counted (a fresh server's JIT, pools and caches).
   */
  static void warmUp(int requests, Sample sample) throws Exception {
    for (int i = 0; i < requests; i++) {
      sample.run();
    }
  }

  static Pass time(int requests, Sample sample) throws Exception {
    List<Long> times = new ArrayList<>(requests);
    long began = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      times.add(sample.run().nanos());
    }
    return new Pass(new Latencies(times), System.nanoTime() - began);
  }

  double perSecond() {
    return latencies.count() / (wallNanos / 1e9);
  }

  /** Two lines: the order statistics, then the throughput of one client. */
  void report(Report report, String name) {
    report.field(name, latencies.summary());
    report.field("", "throughput %.1f requests/s", perSecond());
  }
}
