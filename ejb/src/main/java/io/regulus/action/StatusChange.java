package io.regulus.action;

import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A change of an instance's statuses; a null field stays as it is. {@code implementationDate} is kept only while
 * the action is implemented (today when left out); {@code passedFraction} only with PARTIALLY_TESTED.
 */
public record StatusChange(
    ImplementationStatus implementationStatus, LocalDate implementationDate, TestStatus testStatus,
    BigDecimal passedFraction, String notes) {

  boolean touchesImplementation() {
    return implementationStatus != null || implementationDate != null;
  }

  boolean touchesTest() {
    return testStatus != null || passedFraction != null;
  }
}
