package io.regulus.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The checked-out repository the tests read (ear/pom.xml hands its root over). */
final class Repository {

  /** Names of settings that hold a secret (server.xml variables, environment variables). */
  static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|_TOKEN)");

  private Repository() {}

  static Path root() {
    return Path.of(System.getProperty("regulus.root", "..")).toAbsolutePath().normalize();
  }

  static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no file " + file);
    }
    return file;
  }
}
