package io.regulus.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Keycloak that never answers, or is not there at all, is a 503 problem within the timeout, never
 * a hang. The servers here are real sockets on the loopback: one accepts connections and stays
 * silent, one is closed.
 */
class KeycloakDirectoryTimeoutTest {

  private static final long TIMEOUT_MS = 500;

  @Test
  void aSilentKeycloakIsA503WithinTheTimeout() throws IOException {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();

      long began = System.nanoTime();
      assertUnavailable(directory(silent.getLocalPort()));
      long took = (System.nanoTime() - began) / 1_000_000;
      assertThat(took).isBetween(TIMEOUT_MS, 10 * TIMEOUT_MS);
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void anAbsentKeycloakIsA503() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    assertUnavailable(directory(port));
  }

  private static KeycloakDirectory directory(int port) {
    return new KeycloakDirectory(
        new KeycloakDirectory.Connection(
            "http://127.0.0.1:" + port, "regulus", "regulus-admin", "secret", TIMEOUT_MS));
  }

  private static void assertUnavailable(KeycloakDirectory directory) {
    assertThatThrownBy(() -> directory.group("/tenants/acme/admin"))
        .isInstanceOfSatisfying(
            DirectoryUnavailableException.class,
            e -> assertThat(((DomainException) e).kind()).isEqualTo(ProblemKind.UNAVAILABLE))
        .hasMessageContaining("Nothing was changed");
  }
}
