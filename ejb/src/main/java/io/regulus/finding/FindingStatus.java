package io.regulus.finding;

import jakarta.json.JsonValue;

/**
 * A finding's {@code status_code} as Prowler writes it, and the signal value it gives: PASS true,
 * FAIL false, MANUAL null (undetermined: the scanner could not decide, so it never passes a test).
 */
public enum FindingStatus {
  PASS(JsonValue.TRUE),
  FAIL(JsonValue.FALSE),
  MANUAL(JsonValue.NULL);

  private final JsonValue value;

  FindingStatus(JsonValue value) {
    this.value = value;
  }

  public JsonValue value() {
    return value;
  }

  /**
   * Two findings about one resource for one signal (two checks feeding the same key): a failure
   * anywhere fails it, otherwise an undetermined one leaves it undetermined, and it passes only
   * when both passed.
   */
  public FindingStatus and(FindingStatus other) {
    if (this == FAIL || other == FAIL) {
      return FAIL;
    }
    return this == MANUAL || other == MANUAL ? MANUAL : PASS;
  }
}
