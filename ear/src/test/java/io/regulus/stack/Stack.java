package io.regulus.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The three servers of one stack directory, started and stopped together. */
final class Stack {

  private final StackSettings settings;
  private final Database database;
  private final Keycloak keycloak;
  private final Liberty liberty;
  private final MailSink mail;
  private EmbeddedPostgres postgres;

  Stack(StackSettings settings) {
    this.settings = settings;
    this.database = new Database(settings);
    this.keycloak = new Keycloak(settings);
    this.liberty = new Liberty(settings.libertyHome(), settings.libertyServer());
    this.mail = new MailSink(settings);
  }

  /** Starts the SMTP sink, PostgreSQL and Keycloak; Liberty is started next by the build. */
  void start() throws IOException {
    liberty.stop();
    if (settings.fresh()) {
      deleteTree(mail.dir());
    }
    mail.start();
    String libertyConfig = System.getProperty("stack.liberty.config");
    if (libertyConfig != null && !libertyConfig.isBlank()) {
      mail.pointLiberty(Path.of(libertyConfig));
    }
    System.out.printf(
        "[stack] SMTP sink on 127.0.0.1:%d, mail written to %s%n", mail.port(), mail.dir());
    long began = System.nanoTime();
    postgres = database.start();
    System.out.printf(
        "[stack] PostgreSQL up on 127.0.0.1:%d (%d ms)%n",
        settings.dbPort(), (System.nanoTime() - began) / 1_000_000);
    began = System.nanoTime();
    keycloak.start();
    System.out.printf(
        "[stack] Keycloak up on %s (%d ms)%n",
        keycloak.url(), (System.nanoTime() - began) / 1_000_000);
  }

  void stop() {
    liberty.stop();
    keycloak.stop();
    mail.stop();
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        System.out.println("[stack] PostgreSQL close: " + e.getMessage());
      }
    }
    database.stopStale();
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(Stack::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
