package io.regulus.api.signal;

import java.util.List;
import java.util.Map;

/**
 * A batch of signals, as the OpenAPI document shows it (the endpoint reads the body itself, so that
 * it can name each entry at fault).
 */
public record SignalBatchRequest(List<Entry> signals) {

  /**
   * One signal: {@code value} a JSON boolean, number or string; {@code source} optional (the
   * machine client's id); {@code detail} an optional object kept beside the value.
   */
  public record Entry(
      String key,
      Object value,
      String resource,
      String observedAt,
      String source,
      Map<String, Object> detail) {}
}
