package io.regulus.signal;

import java.util.UUID;

/** A batch of signals as it was stored: its id and how many signals it held. */
public record SignalBatch(UUID id, int count) {}
