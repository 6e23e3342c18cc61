package io.regulus.signal;

import io.regulus.scoring.TestStatus;
import java.time.Instant;
import java.util.List;

/**
 * How an automatically tested action's test is decided, as its page and the API show it: its rule,
 * the sweep's latest decision (null fields before the first sweep), and the override a person set
 * on it.
 *
 * @param rule the test rule; null when the action has none (the sweep leaves it alone)
 * @param outcome the status the rule gave at the latest sweep
 * @param measured the fraction of fresh resources that met the rule (shown with PASSED too)
 * @param applied whether the sweep set that status; false when the instance is overridden or not
 *     implemented, and then {@code outcome} is what it would have set
 * @param signals the first of the signals that decided it ({@code signalCount} in all; the action's
 *     signals list pages through them)
 * @param overridden a person set the test status by hand, with {@code overrideReason}, and the
 *     sweep leaves it alone until the override is withdrawn
 */
public record AutomaticTest(
    TestRule rule,
    TestStatus outcome,
    Double measured,
    Instant decidedAt,
    String explanation,
    Boolean applied,
    List<RecordedSignal> signals,
    int signalCount,
    boolean overridden,
    String overrideReason,
    String overriddenBy,
    Instant overriddenAt) {

  public AutomaticTest {
    signals = List.copyOf(signals);
  }
}
