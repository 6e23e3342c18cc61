package io.regulus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.settings.Secret;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.yaml.snakeyaml.Yaml;

/**
 * The container deployment, read rather than built (no engine needed): the Liberty configuration
 * the Dockerfile copies holds no development-only feature and no default secret, and the compose
 * file sets every secret from the environment and runs Keycloak in production mode on the
 * production realm. The local stacks keep their conveniences in their own override.
 */
class ContainerImageTest {

  /** Liberty features for development, tests or remote administration: never in the image. */
  private static final Pattern DEVELOPMENT_FEATURE =
      Pattern.compile(
          "(?i)(localConnector|restConnector|adminCenter|osgiConsole|usr:arquillian).*");

  /** An attribute that holds a password or secret. */
  private static final Pattern SECRET_ATTRIBUTE = Pattern.compile("(?i).*(password|secret).*");

  /** A whole reference to one variable: {@code ${NAME}}. */
  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

  /** A compose value taken from the environment, compose refusing to start without it. */
  private static final Pattern REQUIRED_FROM_ENVIRONMENT =
      Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");

  private static final String LOCAL_STACK = "REGULUS_LOCAL_STACK";
  private static final String LOCAL_OVERRIDE =
      "ear/src/test/liberty/config/configDropins/overrides/local-stack.xml";

  /** A COPY or ADD of the Dockerfile. */
  record Copy(List<String> sources, String destination) {}

  @Test
  void theImageCopiesTheShippedServerConfigurationAndNothingOfTheLocalStacks() {
    List<Path> configs = serverConfigurationsOfTheImage();
    assertThat(configs)
        .as("server configuration files docker/Dockerfile copies")
        .contains(Repository.file("ear/src/main/liberty/config/server.xml"));
    for (Copy copy : copies()) {
      assertThat(copy.destination())
          .as("the image takes no configuration override nor dropins application")
          .doesNotContain("configDropins")
          .doesNotContain("dropins");
      assertThat(copy.sources())
          .as("the image copies no test or local-stack file")
          .noneMatch(source -> source.contains("src/test"));
    }
    assertThat(instructions("ENV"))
        .as("the image declares no local stack and sets no secret")
        .noneMatch(env -> env.contains(LOCAL_STACK))
        .noneMatch(env -> Arrays.stream(env.split("[\\s=]+")).anyMatch(this::namesASecret));
  }

  @Test
  void theServerConfigurationOfTheImageHasNoDevelopmentFeature() {
    for (LibertyConfigFile config : serverConfigurationFiles()) {
      assertThat(config.features())
          .as("features of %s", config.path())
          .isNotEmpty()
          .noneMatch(feature -> DEVELOPMENT_FEATURE.matcher(feature).matches());
      assertThat(config.named("include")).as("%s pulls in no other file", config.path()).isEmpty();
      assertThat(config.named("applicationMonitor"))
          .as("%s: no dropins, no application monitoring", config.path())
          .singleElement()
          .satisfies(
              monitor -> {
                assertThat(monitor.getAttribute("dropinsEnabled")).isEqualTo("false");
                assertThat(monitor.getAttribute("updateTrigger")).isEqualTo("disabled");
              });
      assertThat(config.named("config"))
          .as("%s: the configuration is not watched for changes", config.path())
          .singleElement()
          .satisfies(c -> assertThat(c.getAttribute("updateTrigger")).isEqualTo("disabled"));
      assertThat(config.variables()).as("%s", config.path()).doesNotContainKey(LOCAL_STACK);
      assertThat(config.variables().get("REGULUS_DEMO_TENANTS"))
          .as("%s provisions no demo tenant", config.path())
          .satisfies(v -> assertThat(v.value()).isNull())
          .satisfies(v -> assertThat(v.defaultValue()).isEmpty());
    }
  }

  @Test
  void theServerConfigurationOfTheImageHasNoDefaultSecret() {
    Set<String> secrets = secretNames();
    for (LibertyConfigFile config : serverConfigurationFiles()) {
      Map<String, LibertyConfigFile.Variable> secretVariables =
          config.variables().values().stream()
              .filter(v -> namesASecret(v.name()))
              .collect(
                  Collectors.toMap(
                      LibertyConfigFile.Variable::name, v -> v, (a, b) -> a, LinkedHashMap::new));
      assertThat(secretVariables.keySet())
          .as("the secret variables of %s are those the server checks (Secret.ALL)", config.path())
          .containsExactlyInAnyOrderElementsOf(secrets);
      assertThat(secretVariables.values())
          .as("%s gives no secret a value or default", config.path())
          .allSatisfy(
              v -> {
                assertThat(v.value()).as(v.name()).isNull();
                assertThat(v.defaultValue()).as(v.name()).isEmpty();
              });
      for (Element element : config.elements()) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          Attr attribute = (Attr) attributes.item(i);
          if (SECRET_ATTRIBUTE.matcher(attribute.getName()).matches()) {
            Matcher reference = VARIABLE_REFERENCE.matcher(attribute.getValue());
            assertThat(reference.matches() && secrets.contains(reference.group(1)))
                .as(
                    "%s: <%s %s=\"%s\"> names one of the checked secret variables",
                    config.path(), element.getTagName(), attribute.getName(), attribute.getValue())
                .isTrue();
          }
        }
      }
      assertThat(read(config.path()))
          .as("%s holds none of the local stacks' secrets", config.path())
          .doesNotContain(RealmFilesTest.localClientSecrets().toArray(String[]::new));
    }
  }

  @Test
  void theLocalStacksDeclareThemselvesAndBringTheLocalSecretsInTheirOverride() {
    LibertyConfigFile local = LibertyConfigFile.read(Repository.file(LOCAL_OVERRIDE));
    assertThat(local.variables().get(LOCAL_STACK))
        .as("the override declares a local stack, and no environment variable can undo it")
        .isEqualTo(new LibertyConfigFile.Variable(LOCAL_STACK, "true", ""));
    for (Secret secret : Secret.ALL) {
      assertThat(local.variables().get(secret.name()))
          .as("the local default of %s, overridable by the environment", secret.name())
          .isEqualTo(new LibertyConfigFile.Variable(secret.name(), null, secret.localValue()));
    }
    assertThat(local.features()).contains("localConnector-1.0");
  }

  @Test
  void composeSetsEverySecretFromTheEnvironment() {
    Map<String, Map<String, Object>> services = composeServices();
    services.forEach(
        (service, definition) ->
            environment(definition)
                .forEach(
                    (name, value) -> {
                      assertThat(name)
                          .as("service %s declares no local stack nor demo tenants", service)
                          .isNotIn(LOCAL_STACK, "REGULUS_DEMO_TENANTS");
                      if (namesASecret(name)) {
                        assertThat(value)
                            .as(
                                "service %s: %s comes from the environment, required",
                                service, name)
                            .matches(REQUIRED_FROM_ENVIRONMENT);
                      }
                    }));
    Map<String, String> regulus = environment(serviceBuiltFromTheDockerfile(services));
    for (Secret secret : Secret.ALL.stream().filter(Secret::required).toList()) {
      assertThat(regulus.get(secret.name()))
          .as("the Regulus service sets %s", secret.name())
          .isNotNull()
          .satisfies(
              value -> {
                Matcher m = REQUIRED_FROM_ENVIRONMENT.matcher(value);
                assertThat(m.matches() && m.group(1).equals(secret.name()))
                    .as("%s is ${%s:?...}", value, secret.name())
                    .isTrue();
              });
    }
  }

  @Test
  void composeRunsKeycloakInProductionModeOnTheProductionRealm() {
    Map<String, Object> keycloak =
        composeServices().values().stream()
            .filter(s -> String.valueOf(s.get("image")).startsWith("keycloak/"))
            .findFirst()
            .orElseThrow();
    List<String> command = strings(keycloak.get("command"));
    assertThat(command).first().isEqualTo("start");
    assertThat(command).noneMatch(c -> c.contains("start-dev"));
    assertThat(strings(keycloak.get("volumes")))
        .anyMatch(v -> v.startsWith("./keycloak/" + RealmFilesTest.PRODUCTION_REALM + ":"))
        .noneMatch(v -> v.startsWith("./keycloak/" + RealmFilesTest.LOCAL_REALM + ":"));
    Map<String, String> environment = environment(keycloak);
    Matcher placeholder =
        Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}")
            .matcher(read(Repository.file("docker/keycloak/" + RealmFilesTest.PRODUCTION_REALM)));
    while (placeholder.find()) {
      assertThat(environment)
          .as("Keycloak's environment gives the production realm's %s", placeholder.group())
          .containsKey(placeholder.group(1));
    }
  }

  private boolean namesASecret(String name) {
    return Repository.SECRET_NAME.matcher(name).matches();
  }

  private static Set<String> secretNames() {
    return Secret.ALL.stream().map(Secret::name).collect(Collectors.toSet());
  }

  private static List<LibertyConfigFile> serverConfigurationFiles() {
    return serverConfigurationsOfTheImage().stream().map(LibertyConfigFile::read).toList();
  }

  /** The Liberty configuration files the Dockerfile copies into the server's directory. */
  private static List<Path> serverConfigurationsOfTheImage() {
    List<Path> configs = new ArrayList<>();
    for (Copy copy : copies()) {
      String destination = copy.destination();
      if (destination.startsWith("/config") || destination.contains("/usr/servers/")) {
        for (String source : copy.sources()) {
          Path file = Repository.root().resolve(source);
          if (source.endsWith(".xml") || Files.isDirectory(file)) {
            assertThat(file)
                .as("the image copies configuration file by file, never a whole directory")
                .isRegularFile();
            configs.add(file);
          }
        }
      }
    }
    return configs;
  }

  private static List<Copy> copies() {
    List<Copy> copies = new ArrayList<>();
    for (String arguments : instructions("COPY", "ADD")) {
      List<String> words =
          Arrays.stream(arguments.split("\\s+")).filter(w -> !w.startsWith("--")).toList();
      assertThat(words)
          .as("COPY %s: sources, then the destination", arguments)
          .hasSizeGreaterThan(1);
      copies.add(new Copy(words.subList(0, words.size() - 1), words.get(words.size() - 1)));
    }
    return copies;
  }

  /** The arguments of each Dockerfile instruction of these kinds, continuation lines joined. */
  private static List<String> instructions(String... kinds) {
    String text =
        read(Repository.file("docker/Dockerfile"))
            .lines()
            .filter(line -> !line.stripLeading().startsWith("#"))
            .collect(Collectors.joining("\n"))
            .replaceAll("\\\\\\n", " ");
    List<String> found = new ArrayList<>();
    for (String line : text.lines().toList()) {
      String[] parts = line.strip().split("\\s+", 2);
      if (parts.length == 2 && Arrays.asList(kinds).contains(parts[0].toUpperCase())) {
        assertThat(parts[1]).as("the exec (JSON) form is not read here").doesNotStartWith("[");
        found.add(parts[1]);
      }
    }
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> composeServices() {
    try (Reader reader = Files.newBufferedReader(Repository.file("docker/compose.yaml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Map<String, Object>>) compose.get("services");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> serviceBuiltFromTheDockerfile(
      Map<String, Map<String, Object>> services) {
    return services.values().stream()
        .filter(s -> s.get("build") instanceof Map<?, ?> build && build.get("dockerfile") != null)
        .filter(s -> ((Map<?, ?>) s.get("build")).get("dockerfile").equals("docker/Dockerfile"))
        .findFirst()
        .orElseThrow();
  }

  /** A service's environment, in either of compose's forms (a map, or a list of NAME=value). */
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object declared = service.get("environment");
    if (declared instanceof Map<?, ?> map) {
      map.forEach((k, v) -> environment.put(String.valueOf(k), String.valueOf(v)));
    } else if (declared instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = String.valueOf(entry).split("=", 2);
        environment.put(pair[0], pair.length == 2 ? pair[1] : "");
      }
    }
    return environment;
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : Arrays.asList(String.valueOf(value).split("\\s+"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
