package io.regulus.api.signal;

import io.regulus.signal.MachineClient;

/**
 * A machine client just made or given a new secret: the secret, shown this once, and where the
 * machine gets its token (client-credentials grant with {@code client_id} and {@code
 * client_secret}).
 */
public record MachineClientSecretView(
    MachineClientView client, String clientSecret, String tokenUrl) {

  static MachineClientSecretView of(MachineClient.WithSecret made) {
    return new MachineClientSecretView(
        MachineClientView.of(made.client()), made.secret(), made.tokenUrl());
  }
}
