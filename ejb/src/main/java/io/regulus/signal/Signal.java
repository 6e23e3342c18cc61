package io.regulus.signal;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a tenant's systems (docs/signals.md): {@code key} (dotted, lower case, such as
 * {@code mfa.admins.enforced}) seen on {@code resource} at {@code observedAt}, reported by {@code
 * source}. The value is a JSON boolean, number or string, or JSON null for "undetermined" (a
 * scanner's MANUAL finding: kept and shown, never passing a test). {@code detail} keeps what the
 * source said beside it (a finding's check, status and compliance mappings), or is null.
 */
public record Signal(
    String key,
    JsonValue value,
    String resource,
    Instant observedAt,
    String source,
    JsonObject detail) {

  public Signal {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(observedAt, "observedAt");
    Objects.requireNonNull(source, "source");
  }
}
