package io.regulus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test stack's SMTP sink (GreenMail, {@code io.regulus.stack.MailSink}), read and, for a fault
 * test, stopped and started again the way the stack runs it: its own process on Keycloak's port +
 * 2, writing each message it receives into the stack's mail directory, its pid in the stack's
 * {@code mail-sink.pid} (so the stack's stop finds it as before).
 */
final class SmtpSink {

  private static final Path STACK =
      Path.of(System.getProperty("regulus.stack-dir", "target/stack")).toAbsolutePath();
  private static final Path PID = STACK.resolve("mail-sink.pid");
  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

  private SmtpSink() {}

  static int port() {
    return URI.create(System.getProperty("regulus.keycloak-url", "http://127.0.0.1:28080"))
            .getPort()
        + 2;
  }

  /** Stops the sink: from now on a connection to its port is refused. */
  static void stop() throws IOException, InterruptedException {
    long pid = Long.parseLong(Files.readString(PID).trim());
    ProcessHandle sink =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException("no SMTP sink running as " + pid));
    sink.destroy();
    try {
      sink.onExit().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the SMTP sink did not stop", e);
    }
    await(false);
  }

  /** Starts the sink again on its port and mail directory; waits until it takes connections. */
  static void start() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.regulus.stack.MailSink",
                Integer.toString(port()),
                Invitations.MAIL_DIR.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(STACK.resolve("mail-sink.log").toFile()))
            .start();
    Files.writeString(PID, Long.toString(process.pid()));
    await(true);
  }

  /**
   * The raw messages the sink wrote whose Message-ID headers are given, counted by Message-ID: a
   * message received twice counts 2.
   */
  static Map<String, Long> received(List<String> messageIds) {
    try (Stream<Path> files = Files.list(Invitations.MAIL_DIR)) {
      return files
          .filter(f -> f.toString().endsWith(".eml"))
          .map(SmtpSink::messageId)
          .filter(messageIds::contains)
          .collect(
              java.util.stream.Collectors.groupingBy(
                  id -> id, java.util.stream.Collectors.counting()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String messageId(Path eml) {
    try {
      Matcher m = MESSAGE_ID.matcher(Files.readString(eml));
      return m.find() ? m.group(1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(boolean listening) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (listening() != listening) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "the SMTP sink on port " + port() + (listening ? " did not start" : " did not stop"));
      }
      Thread.sleep(200);
    }
  }

  private static boolean listening() {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
