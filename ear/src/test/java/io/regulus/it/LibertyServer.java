package io.regulus.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The test stack's Liberty server, killed and started again by a test that proves what survives a
 * crash, or stopped and started by a benchmark that times a start: found by its installation's path
 * on its command line (other stacks may run servers of the same name), started again with the same
 * configuration and environment (server.env). A test may run a second server of the installation
 * beside it, by its name.
 */
public final class LibertyServer {

  private static final Path WLP =
      Path.of(System.getProperty("regulus.wlp-home", "target/liberty/wlp"));
  private static final String NAME = System.getProperty("regulus.liberty-server", "regulus-test");

  private LibertyServer() {}

  /** Kills the server at once (SIGKILL): no shutdown hook, no listener, no last commit. */
  public static void kill() throws InterruptedException {
    String launcher =
        WLP.toAbsolutePath().normalize().resolve("bin/tools/ws-server.jar").toString();
    ProcessHandle server =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .map(c -> c.contains(launcher) && c.contains(NAME))
                        .orElse(false))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no Liberty server " + launcher));
    server.destroyForcibly();
    try {
      server.onExit().get(1, TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Liberty did not end", e);
    }
  }

  /** Starts the server again and waits until the application is ready. */
  static void start() throws IOException, InterruptedException {
    launch();
    Platform.awaitReady();
  }

  /** Stops the server the ordinary way (its shutdown runs). */
  public static void stop() throws IOException, InterruptedException {
    stop(NAME);
  }

  /**
   * Starts the server; returns once Liberty has started (the application may still be starting).
   */
  public static void launch() throws IOException, InterruptedException {
    launch(NAME);
  }

  /** The server's log of messages. */
  public static Path messages() {
    return messages(NAME);
  }

  /** The stack's server's name. */
  static String name() {
    return NAME;
  }

  /**
   * The directory of server {@code name} of the stack's installation (the stack's server, or a
   * second one a test made beside it): its server.env, configuration and application.
   */
  static Path directory(String name) {
    return WLP.resolve("usr/servers").resolve(name);
  }

  /** Starts server {@code name} of the installation, as {@link #launch()} does. */
  static void launch(String name) throws IOException, InterruptedException {
    server("start", name);
  }

  /** Stops server {@code name} of the installation, as {@link #stop()} does. */
  static void stop(String name) throws IOException, InterruptedException {
    server("stop", name);
  }

  static Path messages(String name) {
    return directory(name).resolve("logs/messages.log");
  }

  private static void server(String command, String name) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), command, name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "server " + command + " " + name + " failed: " + process.exitValue());
    }
  }
}
