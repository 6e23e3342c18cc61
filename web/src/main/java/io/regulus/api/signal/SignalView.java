package io.regulus.api.signal;

import io.regulus.signal.StoredSignal;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

/** One stored signal. */
public record SignalView(
    long id,
    String key,
    JsonValue value,
    String resource,
    Instant observedAt,
    Instant receivedAt,
    String source,
    String batchId,
    JsonObject detail) {

  static SignalView of(StoredSignal signal) {
    return new SignalView(
        signal.id(),
        signal.key(),
        signal.value(),
        signal.resource(),
        signal.observedAt(),
        signal.receivedAt(),
        signal.source(),
        signal.batchId().toString(),
        signal.detail());
  }
}
