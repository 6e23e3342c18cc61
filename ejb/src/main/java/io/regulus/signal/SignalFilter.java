package io.regulus.signal;

import java.time.Instant;

/**
 * Which of a tenant's signals to list: any of key, resource (exact), observed from (inclusive) and
 * to (exclusive) may be null.
 */
public record SignalFilter(String key, String resource, Instant from, Instant to) {

  public static final SignalFilter ALL = new SignalFilter(null, null, null, null);
}
