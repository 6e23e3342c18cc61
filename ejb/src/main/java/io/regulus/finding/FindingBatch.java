package io.regulus.finding;

import io.regulus.signal.Signal;
import java.util.List;
import java.util.Map;

/**
 * A findings document read whole: how many findings it held, the signals they give (one per signal
 * key and resource), and the findings skipped because the mapping names no signal for their check,
 * counted by check.
 */
public record FindingBatch(int findings, List<Signal> signals, Map<String, Integer> skipped) {

  public FindingBatch {
    signals = List.copyOf(signals);
    skipped = Map.copyOf(skipped);
  }

  public int skippedFindings() {
    return skipped.values().stream().mapToInt(Integer::intValue).sum();
  }
}
