package io.regulus.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * The Keycloak distribution, started in dev mode on 127.0.0.1 with the committed realm imported.
 */
final class Keycloak {

  static final String ADMIN_USER = "admin";
  static final String ADMIN_PASSWORD = "admin";

  private final StackSettings settings;
  private final Path pidFile;

  Keycloak(StackSettings settings) {
    this.settings = settings;
    this.pidFile = settings.dir().resolve("keycloak.pid");
  }

  String url() {
    return "http://127.0.0.1:" + settings.keycloakPort();
  }

  void start() throws IOException {
    stop();
    Path home = settings.keycloakHome();
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("no Keycloak distribution at " + home);
    }
    Path imported = home.resolve("data/import/regulus-realm.json");
    boolean realmChanged =
        !Files.exists(imported) || Files.mismatch(imported, settings.realmFile()) != -1L;
    if (settings.fresh() || realmChanged) {
      // Keycloak imports a realm only when it does not exist: a changed realm file needs an empty
      // database
      Stack.deleteTree(home.resolve("data/h2"));
    }
    Path imports = Files.createDirectories(home.resolve("data/import"));
    Files.copy(settings.realmFile(), imported, StandardCopyOption.REPLACE_EXISTING);
    if (Processes.answers200(url() + "/realms/master")) {
      throw new IllegalStateException(
          "port " + settings.keycloakPort() + " is taken by another Keycloak");
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + settings.keycloakPort(),
                "--http-management-port=" + (settings.keycloakPort() + 1),
                "--import-realm")
            .redirectErrorStream(true)
            .redirectOutput(settings.dir().resolve("keycloak.log").toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "JAVA_OPTS_KC_HEAP",
                "-Xms64m -Xmx768m",
                // the realm file lets regulus-web's browser sign-in come back to this stack's
                // Liberty port
                "REGULUS_HTTP_PORT",
                String.valueOf(settings.httpPort()),
                // the realm's SMTP server: the stack's sink (MailSink)
                "REGULUS_SMTP_PORT",
                String.valueOf(settings.smtpPort()),
                // brute-force protection stays on, but two sign-ins of one user at the same moment
                // (tests signing the operator in from several threads) are not taken for an attack
                "KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS",
                "true"));
    Process process = builder.start();
    Processes.writePid(pidFile, process.pid());
    Processes.await(
        "Keycloak (log: " + settings.dir().resolve("keycloak.log") + ")",
        Duration.ofMinutes(4),
        () -> Processes.answers200(url() + "/realms/regulus/.well-known/openid-configuration"),
        process::isAlive);
  }

  void stop() {
    Processes.fromPidFile(pidFile)
        .ifPresent(
            process -> {
              System.out.println("[stack] stopping Keycloak (pid " + process.pid() + ")");
              Processes.stop(process, "TERM", Duration.ofSeconds(30));
            });
  }
}
