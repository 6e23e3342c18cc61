package io.regulus.signal;

import io.regulus.scoring.TestStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * An automatic action's test rule (docs/signals.md, "Test rules"), as kept in {@code
 * action.test_rule}: the signal key it reads, the CEL expression each resource's latest value must
 * meet ({@link Expectation}), the passed fraction needed to pass ({@code atLeast}, 0 < x <= 1,
 * default 1.0), how old a resource's latest signal may be before it is stale ({@code freshness}, an
 * ISO-8601 duration, default P7D), and the risk a failure carries. Written and checked as a {@link
 * RuleDefinition}; this is its form for evaluation.
 */
public record TestRule(
    String signal, String expect, double atLeast, Duration freshness, Risk risk) {

  /** What a failure of the rule costs: names its FAILED_*_RISK status. */
  public enum Risk {
    LOW(TestStatus.FAILED_LOW_RISK),
    MEDIUM(TestStatus.FAILED_MEDIUM_RISK),
    HIGH(TestStatus.FAILED_HIGH_RISK);

    private final TestStatus failed;

    Risk(TestStatus failed) {
      this.failed = failed;
    }

    /** The test status of a rule of this risk that no resource meets. */
    public TestStatus failed() {
      return failed;
    }
  }

  /** A stored rule ({@code action.test_rule}'s text, checked when it was written) to evaluate. */
  public static TestRule parse(String stored) {
    return of(RuleDefinition.parse(stored));
  }

  /** The rule {@link RuleDefinition#check} gave back (its defaults filled in), to evaluate. */
  public static TestRule of(RuleDefinition rule) {
    return new TestRule(
        rule.signal(),
        rule.expect(),
        rule.json().getJsonNumber("atLeast").doubleValue(),
        Duration.parse(rule.json().getString("freshness")),
        Risk.valueOf(rule.risk().toUpperCase(Locale.ROOT)));
  }
}
