package io.regulus.signal;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;

/** A signal as the tenant keeps it: what was observed, and when and in which batch it came. */
public record StoredSignal(
    long id,
    String key,
    JsonValue value,
    String resource,
    Instant observedAt,
    Instant receivedAt,
    String source,
    UUID batchId,
    JsonObject detail) {}
