package io.regulus.api.signal;

import io.regulus.signal.SignalBatch;

/** A stored batch: its id (the {@code batch} filter of the signals list) and its size. */
public record SignalBatchView(String batchId, int count) {

  static SignalBatchView of(SignalBatch batch) {
    return new SignalBatchView(batch.id().toString(), batch.count());
  }
}
