package io.regulus.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The test stack's PostgreSQL, stopped and started again by a fault test, on the stack's data
 * directory. It runs as the build's user, root included, which {@code pg_ctl} refuses: so this does
 * what {@code pg_ctl} would, sending the postmaster SIGINT (a fast shutdown) and starting it again
 * with the command line it last ran with (postmaster.opts: the same binaries, port and settings);
 * the stack's stop finds it by its data directory as before.
 */
final class PostgresServer {

  private static final Path STACK =
      Path.of(System.getProperty("regulus.stack-dir", "target/stack")).toAbsolutePath();
  private static final Path DATA = STACK.resolve("postgres");

  private PostgresServer() {}

  /**
   * Stops the server at once, the way an operator's fast shutdown does: every session is ended, its
   * transaction rolled back, and no new connection is accepted until {@link #start}.
   */
  static void stop() throws IOException, InterruptedException {
    String pid = Files.readAllLines(DATA.resolve("postmaster.pid")).get(0).trim();
    ProcessHandle postmaster =
        ProcessHandle.of(Long.parseLong(pid))
            .orElseThrow(() -> new IllegalStateException("no PostgreSQL running as " + pid));
    Process kill = new ProcessBuilder("kill", "-INT", pid).start();
    if (!kill.waitFor(1, TimeUnit.MINUTES) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -INT " + pid + " failed");
    }
    try {
      postmaster.onExit().get(1, TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("PostgreSQL did not stop", e);
    }
  }

  /**
   * Starts the server again with the options it last ran with ({@code pg_ctl restart} reads them
   * from postmaster.opts), in a user namespace of its own as the stack starts it ({@code unshare
   * -U}: PostgreSQL refuses to run as root); waits until it accepts connections.
   */
  static void start() throws IOException, InterruptedException {
    Path pgCtl;
    try (Stream<Path> installs = Files.list(STACK.resolve("postgres-bin"))) {
      pgCtl =
          installs
              .map(install -> install.resolve("bin/pg_ctl"))
              .filter(Files::isExecutable)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no pg_ctl under " + STACK));
    }
    List<String> command =
        List.of(
            "unshare",
            "-U",
            pgCtl.toString(),
            "-D",
            DATA.toString(),
            "restart",
            "-w",
            "-t",
            "60",
            "-l",
            STACK.resolve("postgres.log").toString());
    Process process =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(STACK.resolve("pg_ctl.log").toFile()))
            .start();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed; see " + STACK.resolve("pg_ctl.log"));
    }
    TestDatabase.count("SELECT 1");
  }
}
