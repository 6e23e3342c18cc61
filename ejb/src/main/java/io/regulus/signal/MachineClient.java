package io.regulus.signal;

import java.time.Instant;

/**
 * A tenant's machine client: a confidential Keycloak client whose service account writes the
 * tenant's signals and nothing else (client-credentials flow). Its secret is shown once, when it is
 * made or rotated.
 *
 * @param clientId what the machine sends as {@code client_id}, and the default source of its
 *     signals
 */
public record MachineClient(
    String clientId, String name, String createdBy, Instant createdAt, boolean enabled) {

  /**
   * A client just made (or its secret just rotated), with the secret no one will see again, and the
   * token endpoint the machine asks (client-credentials grant).
   */
  public record WithSecret(MachineClient client, String secret, String tokenUrl) {}
}
