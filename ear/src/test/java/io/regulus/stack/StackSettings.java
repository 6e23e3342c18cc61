package io.regulus.stack;

import java.nio.file.Path;

/** The stack's settings, handed over by the build as system properties (see ear/pom.xml). */
record StackSettings(
    boolean fresh,
    Path dir,
    int dbPort,
    int keycloakPort,
    int httpPort,
    Path keycloakHome,
    Path realmFile,
    Path libertyHome,
    String libertyServer) {

  /** The SMTP sink's port: Keycloak's port + 2 (Keycloak also takes its port + 1). */
  int smtpPort() {
    return keycloakPort + 2;
  }

  static StackSettings fromSystemProperties() {
    return new StackSettings(
        !"run".equals(System.getProperty("stack.mode", "test")),
        Path.of(required("stack.dir")).toAbsolutePath(),
        Integer.parseInt(required("stack.db.port")),
        Integer.parseInt(required("stack.kc.port")),
        Integer.parseInt(required("stack.http.port")),
        Path.of(required("stack.keycloak.home")),
        Path.of(required("stack.realm.file")),
        Path.of(required("stack.liberty.home")),
        required("stack.liberty.server"));
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set (ear/pom.xml sets it)");
    }
    return value;
  }
}
