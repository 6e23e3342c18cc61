package io.regulus.api.signal;

import io.regulus.signal.MachineClient;
import java.time.Instant;

/** A machine client of the tenant (never its secret). */
public record MachineClientView(
    String clientId, String name, String createdBy, Instant createdAt, boolean enabled) {

  static MachineClientView of(MachineClient client) {
    return new MachineClientView(
        client.clientId(), client.name(), client.createdBy(), client.createdAt(), client.enabled());
  }
}
