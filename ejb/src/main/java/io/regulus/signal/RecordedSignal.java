package io.regulus.signal;

import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * A signal as the tenant keeps it (a row of table {@code signal}), with its id: what the sweep
 * reads (a resource's latest of a key) and what an action shows as the signals that decided its
 * test.
 */
public record RecordedSignal(
    long id, String key, String resource, JsonValue value, Instant observedAt, String source) {

  /** The value as a plain Java value: a Boolean, a Double, a String, or null when undetermined. */
  public Object plain() {
    return switch (value.getValueType()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NUMBER -> ((jakarta.json.JsonNumber) value).doubleValue();
      case STRING -> ((jakarta.json.JsonString) value).getString();
      default -> null;
    };
  }

  /** JSON null: a scanner's MANUAL finding, or any source that could not tell. */
  public boolean undetermined() {
    return value.getValueType() == JsonValue.ValueType.NULL;
  }
}
