package io.regulus.signal;

import java.time.Instant;
import java.util.UUID;

/**
 * Which of a tenant's signals to list: any of key, resource (exact), observed from (inclusive) and
 * to (exclusive), and the batch they came in, may be null.
 */
public record SignalFilter(String key, String resource, Instant from, Instant to, UUID batch) {

  public static final SignalFilter ALL = new SignalFilter(null, null, null, null, null);
}
