package io.regulus.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Stops the Liberty server the build started (the liberty-maven-plugin starts it). */
final class Liberty {

  private final Path home;
  private final String server;

  Liberty(Path home, String server) {
    this.home = home;
    this.server = server;
  }

  /**
   * Stops every server of the installation: the run stack's and the test stack's share it under
   * different names.
   */
  static void stopEvery(Path home) {
    Path servers = home.resolve("usr/servers");
    if (!Files.isDirectory(servers)) {
      return;
    }
    try (Stream<Path> each = Files.list(servers)) {
      each.filter(Files::isDirectory)
          .filter(dir -> !dir.getFileName().toString().startsWith(".")) // .logs, .pid
          .map(dir -> new Liberty(home, dir.getFileName().toString()))
          .forEach(Liberty::stop);
    } catch (IOException e) {
      System.out.println("[stack] could not list the Liberty servers: " + e.getMessage());
    }
  }

  void stop() {
    Path script = home.resolve("bin/server");
    if (!Files.isExecutable(script) || !Files.isDirectory(home.resolve("usr/servers/" + server))) {
      return;
    }
    try {
      Process process = new ProcessBuilder(script.toString(), "stop", server).inheritIO().start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      System.out.println("[stack] could not stop Liberty: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
