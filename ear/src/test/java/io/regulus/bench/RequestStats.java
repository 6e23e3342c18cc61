package io.regulus.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What many clients saw of one kind of request: each answer's time and status, and the requests
 * that got no answer (by exception). Thread-safe; the clients add to it as they go.
 */
final class RequestStats {

  private final String name;
  private final List<Long> nanos = new ArrayList<>();
  private final Map<String, Integer> outcomes = new TreeMap<>();

  RequestStats(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  synchronized void answered(int status, long elapsed) {
    nanos.add(elapsed);
    outcomes.merge(String.valueOf(status), 1, Integer::sum);
  }

  /** A request without an answer, and why (an exception's name, a timeout). */
  synchronized void failed(String why) {
    outcomes.merge(why, 1, Integer::sum);
  }

  synchronized Latencies latencies() {
    return new Latencies(nanos);
  }

  /** Answers and failures by status code or exception name. */
  synchronized Map<String, Integer> outcomes() {
    return new TreeMap<>(outcomes);
  }

  synchronized int count() {
    return outcomes.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Answers with a 5xx status. */
  synchronized int serverErrors() {
    return outcomes.entrySet().stream()
        .filter(e -> e.getKey().matches("5\\d\\d"))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** All the requests of several kinds together. */
  static RequestStats merged(String name, List<RequestStats> kinds) {
    RequestStats all = new RequestStats(name);
    for (RequestStats kind : kinds) {
      synchronized (kind) {
        all.nanos.addAll(kind.nanos);
        kind.outcomes.forEach((outcome, count) -> all.outcomes.merge(outcome, count, Integer::sum));
      }
    }
    return all;
  }
}
