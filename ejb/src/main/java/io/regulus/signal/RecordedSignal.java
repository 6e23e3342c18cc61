package io.regulus.signal;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A signal as the tenant keeps it (a row of table {@code signal}), with its id: what the sweep
 * reads (a resource's latest of a key) and what an action shows as the signals that decided its
 * test.
 */
public record RecordedSignal(
    long id, String key, String resource, JsonValue value, Instant observedAt, String source) {

  /** A {@code signal} row read as id, key, resource, value (as text), observed_at, source. */
  public static RecordedSignal of(Object[] row) {
    try (JsonReader reader = Json.createReader(new StringReader((String) row[3]))) {
      return new RecordedSignal(
          ((Number) row[0]).longValue(),
          (String) row[1],
          (String) row[2],
          reader.readValue(),
          ((Timestamp) row[4]).toInstant(),
          (String) row[5]);
    }
  }

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
