package io.regulus.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stack's SMTP sink: GreenMail on 127.0.0.1 takes every mail Keycloak sends (the set-password
 * links of invitations), and each one is written into the stack's {@code mail} directory as the raw
 * message ({@code .eml}) and as readable text ({@code .txt}: To, Subject and the decoded text part,
 * so a link is one line to copy). Nothing is delivered anywhere else. It runs as a process of its
 * own (the build's class loader does not outlive the step that starts the stack), stopped through
 * its pid file like Keycloak.
 */
final class MailSink {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final int port;
  private final Path dir;
  private final Path pidFile;
  private final Path log;

  MailSink(StackSettings settings) {
    this.port = settings.smtpPort();
    this.dir = settings.dir().resolve("mail");
    this.pidFile = settings.dir().resolve("mail-sink.pid");
    this.log = settings.dir().resolve("mail-sink.log");
  }

  int port() {
    return port;
  }

  Path dir() {
    return dir;
  }

  /** Starts the sink's process with this class path and waits until it takes connections. */
  void start() throws IOException {
    stop();
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx64m", "-cp", classPath(), MailSink.class.getName()));
    command.addAll(List.of(Integer.toString(port), dir.toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Processes.writePid(pidFile, process.pid());
    Processes.await(
        "the SMTP sink on 127.0.0.1:" + port + " (log: " + log + ")",
        Duration.ofSeconds(30),
        this::listening,
        process::isAlive);
  }

  /**
   * Points the Liberty server the build creates next at this sink: an override beside
   * local-stack.xml in the server's configuration directory that sets REGULUS_SMTP_PORT (Liberty
   * cannot add 2 to Keycloak's port from its environment, so the stack writes the port itself).
   */
  void pointLiberty(Path libertyConfigDir) throws IOException {
    Path overrides = libertyConfigDir.resolve("configDropins").resolve("overrides");
    Files.createDirectories(overrides);
    Files.writeString(
        overrides.resolve("smtp-sink.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!-- written by the stack (MailSink): the notifications' mail goes to its SMTP sink -->\n"
            + "<server description=\"the stack's SMTP sink\">\n"
            + "  <variable name=\"REGULUS_SMTP_PORT\" value=\""
            + port
            + "\"/>\n"
            + "</server>\n");
  }

  void stop() {
    Processes.fromPidFile(pidFile)
        .ifPresent(process -> Processes.stop(process, "TERM", Duration.ofSeconds(5)));
  }

  private boolean listening() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The class path this class was loaded from (the build's test class path). */
  private static String classPath() {
    if (MailSink.class.getClassLoader() instanceof URLClassLoader loader) {
      List<String> entries = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return String.join(java.io.File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  /** The sink itself: {@code MailSink PORT DIR}, until its process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    System.out.println("SMTP sink on 127.0.0.1:" + port + ", writing to " + dir);
    Set<MimeMessage> written = Collections.newSetFromMap(new IdentityHashMap<>());
    int sequence = 0;
    while (true) {
      server.waitForIncomingEmail(1000, written.size() + 1);
      for (MimeMessage message : server.getReceivedMessages()) {
        if (written.add(message)) {
          sequence++;
          write(dir, message, sequence);
        }
      }
    }
  }

  private static void write(Path dir, MimeMessage message, int sequence) {
    try {
      Address[] recipients = message.getAllRecipients();
      String to =
          Arrays.stream(recipients == null ? new Address[0] : recipients)
              .map(Address::toString)
              .collect(Collectors.joining(", "));
      String name =
          LocalDateTime.now().format(STAMP)
              + "-"
              + String.format("%03d", sequence)
              + "-"
              + to.replaceAll("[^A-Za-z0-9@._-]", "_");
      try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".eml"))) {
        message.writeTo(out);
      }
      Files.writeString(
          dir.resolve(name + ".txt"),
          "To: "
              + to
              + "\nSubject: "
              + message.getSubject()
              + "\n\n"
              + text(message).replace("\r\n", "\n")
              + "\n");
      System.out.println("mail to " + to + ": " + dir.resolve(name + ".txt"));
    } catch (MessagingException | IOException e) {
      System.out.println("a mail could not be written: " + e.getMessage());
    }
  }

  /** The decoded text/plain parts of a message (its HTML part when it has no plain one). */
  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
      return part.getContent().toString();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      StringBuilder plain = new StringBuilder();
      String html = "";
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType("text/html")) {
          html = child.getContent().toString();
        } else {
          plain.append(text(child));
        }
      }
      return plain.length() > 0 ? plain.toString() : html;
    }
    return "";
  }
}
