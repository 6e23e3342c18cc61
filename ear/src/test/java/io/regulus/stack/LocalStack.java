package io.regulus.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Entry point the build calls (see ear/pom.xml):
 *
 * <ul>
 *   <li>{@code start}: PostgreSQL and Keycloak (after stopping what an interrupted run left);
 *   <li>{@code stop}: Liberty, Keycloak and PostgreSQL;
 *   <li>{@code hold}: waits until Regulus answers, prints how to use it, and keeps the stack up
 *       until Ctrl+C;
 *   <li>{@code stop-all DIR...}: stops the stacks of the given directories.
 * </ul>
 */
public final class LocalStack {

  private static Stack running;

  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "start" : args[0];
    switch (command) {
      case "start" -> {
        running = new Stack(StackSettings.fromSystemProperties());
        // whatever ends the build (success, failure, Ctrl+C) also ends the stack
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "stack-stop"));
        running.start();
      }
      case "stop" -> stack().stop();
      case "hold" -> hold(StackSettings.fromSystemProperties());
      case "stop-all" -> {
        Liberty.stopEvery(StackSettings.fromSystemProperties().libertyHome());
        for (int i = 1; i < args.length; i++) {
          stopDirectory(Path.of(args[i]));
        }
      }
      default -> throw new IllegalArgumentException("unknown command " + command);
    }
  }

  private static Stack stack() {
    return running != null ? running : new Stack(StackSettings.fromSystemProperties());
  }

  private static void stopDirectory(Path dir) {
    StackSettings defaults = StackSettings.fromSystemProperties();
    new Stack(
            new StackSettings(
                false,
                dir,
                0,
                0,
                0,
                dir.resolve("keycloak"),
                defaults.realmFile(),
                defaults.libertyHome(),
                defaults.libertyServer()))
        .stop();
  }

  /** Liberty logs CWWKZ0002E when the application fails to start: no point waiting for it then. */
  private static boolean applicationFailed(StackSettings settings) {
    Path log =
        settings
            .libertyHome()
            .resolve("usr/servers/" + settings.libertyServer() + "/logs/messages.log");
    try {
      return Files.exists(log) && Files.readString(log).contains("CWWKZ0002E");
    } catch (IOException e) {
      return false;
    }
  }

  private static void hold(StackSettings settings) throws InterruptedException {
    String base = "http://localhost:" + settings.httpPort();
    Processes.await(
        "Regulus at " + base + "/health",
        Duration.ofMinutes(3),
        () -> Processes.answers200("http://127.0.0.1:" + settings.httpPort() + "/health"),
        () -> !applicationFailed(settings));
    String keycloak = "http://127.0.0.1:" + settings.keycloakPort();
    try {
      DemoContent.load("http://127.0.0.1:" + settings.httpPort(), keycloak);
    } catch (RuntimeException | AssertionError e) {
      System.out.println("[stack] demo content not loaded: " + e.getMessage());
    }
    System.out.println(
        """

        ============================================================================
         Regulus is up:   %1$s   (API %1$s/api/v1, OpenAPI %1$s/openapi/ui)
         Web UI:          %1$s/app/   (sign in on Keycloak's login page as any demo user below)
         Health:          %1$s/health
         Keycloak:        %2$s   (admin console: admin / admin)
         Mail:            every mail Keycloak sends (invitations) and Regulus sends (daily digests, at
                  07:00 UTC or now: POST /api/v1/platform/digests as olivia) lands in %3$s
         Demo tenants:    acme, globex       Demo password for every user: regulus-demo
                          acme has GDPR and HIPAA assessments: GET /api/v1/tenants/acme/dashboard
           olivia  platform operator         alice   admin of acme
           bob     contributor in acme       carol   assessor in acme
           rita    reader in acme            gina    admin of globex
           connor  consultant: admin of acme, reader of globex
           fiona   northwind firm administrator: the portfolio of acme and globex
         A token:
           TOKEN=$(curl -s -d grant_type=password -d client_id=regulus-cli -d username=alice \\
             -d password=regulus-demo %2$s/realms/regulus/protocol/openid-connect/token | jq -r .access_token)
           curl -H "Authorization: Bearer $TOKEN" %1$s/api/v1/me
         Ctrl+C stops Regulus, Keycloak and PostgreSQL.
        ============================================================================
        """
            .formatted(base, keycloak, settings.dir().resolve("mail")));
    Thread.currentThread().join();
  }
}
