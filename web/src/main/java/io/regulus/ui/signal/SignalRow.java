package io.regulus.ui.signal;

import io.regulus.signal.StoredSignal;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A signal as the page shows it: its value as text, its times in UTC. */
public record SignalRow(StoredSignal signal) implements Serializable {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** A string's text, any other value as JSON writes it ({@code true}, {@code 12}). */
  public String value() {
    return signal.value() instanceof JsonString text ? text.getString() : signal.value().toString();
  }

  public String observed() {
    return time(signal.observedAt());
  }

  public String received() {
    return time(signal.receivedAt());
  }

  static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }
}
