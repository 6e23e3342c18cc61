package io.regulus.signal;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Timestamp;

/** A {@code signal} row read as id, key, resource, value (as text), observed_at, source. */
final class Signals {

  private Signals() {}

  static RecordedSignal recorded(Object[] row) {
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
}
