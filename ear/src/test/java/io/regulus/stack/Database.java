package io.regulus.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server from the embedded binaries, on 127.0.0.1, data under the stack
 * directory.
 */
final class Database {

  static final String NAME = "regulus";

  private final StackSettings settings;
  private final Path dataDir;

  Database(StackSettings settings) {
    this.settings = settings;
    this.dataDir = settings.dir().resolve("postgres");
  }

  EmbeddedPostgres start() throws IOException {
    stopStale();
    if (settings.fresh()) {
      Stack.deleteTree(dataDir);
    }
    Files.createDirectories(settings.dir());
    Redirect log = Redirect.appendTo(settings.dir().resolve("postgres.log").toFile());
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(settings.dbPort())
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(settings.dir().resolve("postgres-bin").toFile())
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            // thousands of schemas: pg_dump takes a lock per table
            .setServerConfig("max_locks_per_transaction", "1024")
            .setPGStartupWait(Duration.ofSeconds(60))
            .setOutputRedirector(log)
            .setErrorRedirector(log)
            .setRegisterShutdownHook(true)
            .start();
    createApplicationDatabase(postgres);
    return postgres;
  }

  private static void createApplicationDatabase(EmbeddedPostgres postgres) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'");
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + NAME);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the " + NAME + " database", e);
    }
  }

  /** Stops a server that an interrupted earlier run left on this data directory (fast shutdown). */
  void stopStale() {
    Processes.fromPidFile(dataDir.resolve("postmaster.pid"))
        .ifPresent(
            process -> {
              System.out.println(
                  "[stack] stopping PostgreSQL left running (pid " + process.pid() + ")");
              Processes.stop(process, "INT", Duration.ofSeconds(30));
            });
    try {
      Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
