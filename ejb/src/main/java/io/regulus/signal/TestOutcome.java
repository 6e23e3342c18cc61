package io.regulus.signal;

import io.regulus.scoring.TestStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a test rule gives over a tenant's latest signals at one time ({@link TestOutcomes}): the
 * test status, the fraction of fresh resources that met the rule (null when none was fresh), the
 * ids of the signals that decided it, and the explanation in plain words.
 */
public record TestOutcome(
    TestStatus status, Double measured, List<Long> signalIds, String explanation) {

  public TestOutcome {
    signalIds = List.copyOf(signalIds);
  }

  /**
   * The passed fraction the instance keeps: the measured one with {@code PARTIALLY_TESTED}, to four
   * places as the table keeps it, and none with any other status.
   */
  public BigDecimal passedFraction() {
    return status == TestStatus.PARTIALLY_TESTED
        ? BigDecimal.valueOf(measured).setScale(4, RoundingMode.HALF_EVEN)
        : null;
  }
}
