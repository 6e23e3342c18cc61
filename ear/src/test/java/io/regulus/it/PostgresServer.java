package io.regulus.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

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

  /** Starts the server again with its last command line; waits until it accepts connections. */
  static void start() throws IOException, InterruptedException {
    String options = Files.readString(DATA.resolve("postmaster.opts")).trim();
    List<String> command = new ArrayList<>();
    command.add(options.substring(0, options.indexOf(' ')));
    Matcher argument = QUOTED.matcher(options);
    while (argument.find()) {
      command.add(argument.group(1));
    }
    new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(STACK.resolve("postgres.log").toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (true) {
      try {
        TestDatabase.count("SELECT 1");
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline || !(e.getCause() instanceof SQLException)) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
