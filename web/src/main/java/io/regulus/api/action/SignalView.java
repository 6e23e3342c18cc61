package io.regulus.api.action;

import io.regulus.signal.RecordedSignal;
import java.time.Instant;

/**
 * A signal that decided an automatic test: its id, key, resource, value (true/false, a number, a
 * string, or null when undetermined), when it was observed and who reported it.
 */
public record SignalView(
    long id, String key, String resource, Object value, Instant observedAt, String source) {

  public static SignalView of(RecordedSignal signal) {
    return new SignalView(
        signal.id(),
        signal.key(),
        signal.resource(),
        signal.plain(),
        signal.observedAt(),
        signal.source());
  }
}
