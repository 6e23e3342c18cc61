package io.regulus.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The test stack's Liberty server, killed and started again by a test that proves what survives a
 * crash: found by its installation's path on its command line (other stacks may run servers of the
 * same name), started again with the same configuration and environment (server.env).
 */
final class LibertyServer {

  private static final Path WLP =
      Path.of(System.getProperty("regulus.wlp-home", "target/liberty/wlp"));
  private static final String NAME = System.getProperty("regulus.liberty-server", "regulus-test");

  private LibertyServer() {}

  /** Kills the server at once (SIGKILL): no shutdown hook, no listener, no last commit. */
  static void kill() throws InterruptedException {
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
    Process start =
        new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", NAME)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
      throw new IllegalStateException("server start " + NAME + " failed: " + start.exitValue());
    }
    Platform.awaitReady();
  }
}
