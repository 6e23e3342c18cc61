package io.regulus.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops the Liberty server the build started (the liberty-maven-plugin starts it). */
final class Liberty {

  private final Path home;
  private final String server;

  Liberty(Path home, String server) {
    this.home = home;
    this.server = server;
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
