package io.regulus.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Pid files, polite-then-forceful stops and readiness polling shared by the stack's servers. */
final class Processes {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Processes() {}

  static Optional<ProcessHandle> fromPidFile(Path pidFile) {
    try {
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
      return firstLine.isEmpty()
          ? Optional.empty()
          : ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static void writePid(Path pidFile, long pid) {
    try {
      Files.writeString(pidFile, Long.toString(pid));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends the signal to the process and its descendants, waits for them to end, then kills what is
   * left.
   */
  static void stop(ProcessHandle process, String signal, Duration grace) {
    try {
      java.util.List<String> command =
          new java.util.ArrayList<>(java.util.List.of("kill", "-" + signal));
      process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
      command.add(Long.toString(process.pid()));
      new ProcessBuilder(command).start().waitFor();
      Instant deadline = Instant.now().plus(grace);
      while (process.isAlive() && Instant.now().isBefore(deadline)) {
        Thread.sleep(200);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  static boolean answers200(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void await(String what, Duration timeout, BooleanSupplier ready, BooleanSupplier alive) {
    Instant deadline = Instant.now().plus(timeout);
    while (!ready.getAsBoolean()) {
      if (!alive.getAsBoolean()) {
        throw new IllegalStateException(what + " stopped while starting");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }
}
