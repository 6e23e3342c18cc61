package io.regulus.api.signal;

import jakarta.json.JsonValue;

/**
 * A signal batch's body as parsed JSON, read by {@link SignalBatchBodyReader} within its own limit
 * (a batch is larger than other requests) and checked entry by entry by the domain.
 */
public record SignalBatchBody(JsonValue json) {}
