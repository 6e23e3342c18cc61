package io.regulus.api.action;

import io.regulus.scoring.TestStatus;
import io.regulus.signal.AutomaticTest;
import io.regulus.signal.TestRule;
import java.time.Instant;
import java.util.List;

/**
 * How an automatically tested action's test is decided (docs/signals.md, "The sweep and
 * overrides"): its rule, the status the latest sweep's rule gave ({@code outcome}; {@code applied}
 * false when the sweep left the instance alone, so that it is what the sweep would have set), the
 * fraction measured, when, the explanation in words, the first signals that decided it (all of them
 * at {@code /actions/{id}/signals}), and the override a person set.
 */
public record AutomaticTestView(
    Rule rule,
    TestStatus outcome,
    Double passedFraction,
    Instant decidedAt,
    String explanation,
    Boolean applied,
    List<SignalView> signals,
    int signalCount,
    boolean overridden,
    String overrideReason,
    String overriddenBy,
    Instant overriddenAt) {

  /** A test rule as the API shows it: freshness as an ISO-8601 duration. */
  public record Rule(String signal, String expect, double atLeast, String freshness, String risk) {
    static Rule of(TestRule rule) {
      return rule == null
          ? null
          : new Rule(
              rule.signal(),
              rule.expect(),
              rule.atLeast(),
              rule.freshness().toString(),
              rule.risk().name());
    }
  }

  public static AutomaticTestView of(AutomaticTest test) {
    return new AutomaticTestView(
        Rule.of(test.rule()),
        test.outcome(),
        test.measured(),
        test.decidedAt(),
        test.explanation(),
        test.applied(),
        test.signals().stream().map(SignalView::of).toList(),
        test.signalCount(),
        test.overridden(),
        test.overrideReason(),
        test.overriddenBy(),
        test.overriddenAt());
  }
}
