package io.regulus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.regulus.settings.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The production realm (compose imports it) is the local realm (the local stacks import it) without
 * what only a local stack may have: the demo users, the demo tenants' and firm's groups
 * (provisioning makes a tenant's groups), the password grant, the local secrets and the local
 * addresses (in production {@code ${REGULUS_PUBLIC_URL}}, the paths kept). Everything else (realm
 * settings, roles, clients, mappers, service accounts) is the same, so a change to one file that is
 * not made to the other fails here.
 */
class RealmFilesTest {

  static final String LOCAL_REALM = "regulus-realm.json";
  static final String PRODUCTION_REALM = "regulus-realm-production.json";

  /** Realm settings whose values differ by environment: in production, placeholders only. */
  private static final Set<String> ENVIRONMENT_SETTINGS = Set.of("smtpServer");

  /** A value Keycloak takes from its environment when it imports the realm. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

  /** The scheme, host and port of a local address. */
  private static final Pattern ORIGIN = Pattern.compile("^https?://[^/]+");

  private static final String PUBLIC_URL = "${REGULUS_PUBLIC_URL}";

  private static final String SIGN_OUT_RETURNS = "post.logout.redirect.uris";

  private final JsonNode local = realm(LOCAL_REALM);
  private final JsonNode production = realm(PRODUCTION_REALM);

  @Test
  void realmSettingsAndRolesAreTheSame() {
    assertThat(names(production)).isEqualTo(names(local));
    for (String setting : names(local)) {
      if (Set.of("groups", "clients", "users").contains(setting)) {
        continue;
      }
      if (ENVIRONMENT_SETTINGS.contains(setting)) {
        production
            .get(setting)
            .properties()
            .forEach(
                entry ->
                    assertThat(entry.getValue().asText())
                        .as("production %s.%s", setting, entry.getKey())
                        .matches("\\$\\{[A-Z0-9_]+(:[^}]*)?}|true|false"));
      } else {
        assertThat(production.get(setting)).as(setting).isEqualTo(local.get(setting));
      }
    }
  }

  @Test
  void groupsAreTheSameWithoutTheDemoTenantsAndFirms() {
    ArrayNode expected = local.get("groups").deepCopy();
    expected.forEach(group -> ((ObjectNode) group).set("subGroups", expected.arrayNode()));
    assertThat(production.get("groups")).isEqualTo(expected);
  }

  @Test
  void clientsAreTheSameWithoutPasswordGrantLocalSecretsOrLocalAddresses() {
    assertThat(clientIds(production)).isEqualTo(clientIds(local));
    Map<String, Secret> secrets =
        Secret.ALL.stream().collect(Collectors.toMap(Secret::name, Function.identity()));
    for (int i = 0; i < local.get("clients").size(); i++) {
      ObjectNode localClient = local.get("clients").get(i).deepCopy();
      ObjectNode productionClient = production.get("clients").get(i).deepCopy();
      String id = localClient.get("clientId").asText();

      assertThat(productionClient.path("directAccessGrantsEnabled").asBoolean(false))
          .as("%s: no password grant in production", id)
          .isFalse();
      localClient.remove("directAccessGrantsEnabled");
      productionClient.remove("directAccessGrantsEnabled");

      if (localClient.has("secret")) {
        Matcher placeholder = PLACEHOLDER.matcher(productionClient.path("secret").asText());
        assertThat(placeholder.matches() && secrets.containsKey(placeholder.group(1)))
            .as("%s: the production secret is a checked secret variable (Secret.ALL)", id)
            .isTrue();
        assertThat(localClient.get("secret").asText())
            .as("%s: the local secret is the local stacks' value of %s", id, placeholder.group(1))
            .isEqualTo(secrets.get(placeholder.group(1)).localValue());
      }
      assertThat(productionClient.has("secret")).isEqualTo(localClient.has("secret"));
      localClient.remove("secret");
      productionClient.remove("secret");

      assertThat(addresses(productionClient, false))
          .as("client %s, its local addresses on %s", id, PUBLIC_URL)
          .isEqualTo(addresses(localClient, true));
    }
  }

  @Test
  void usersAreOnlyTheServiceAccounts() {
    List<JsonNode> serviceAccounts =
        StreamSupport.stream(local.get("users").spliterator(), false)
            .filter(user -> user.has("serviceAccountClientId"))
            .toList();
    assertThat(production.get("users")).containsExactlyElementsOf(serviceAccounts);
    assertThat(production.get("users")).noneMatch(user -> user.has("credentials"));
    assertThat(local.get("users")).hasSizeGreaterThan(serviceAccounts.size());
  }

  /** The secrets of the local realm's clients, which no shipped file may hold. */
  static List<String> localClientSecrets() {
    List<String> secrets = new ArrayList<>();
    realm(LOCAL_REALM).get("clients").forEach(c -> secrets.add(c.path("secret").asText("")));
    secrets.removeIf(String::isEmpty);
    assertThat(secrets).isNotEmpty();
    return secrets;
  }

  /**
   * The client with its addresses (redirects, origins, sign-out returns, root and base) as sets;
   * when {@code local}, each local origin replaced by {@code ${REGULUS_PUBLIC_URL}}, the path kept.
   */
  private static ObjectNode addresses(ObjectNode client, boolean local) {
    Function<String, String> address =
        value ->
            local
                ? ORIGIN.matcher(value).replaceFirst(Matcher.quoteReplacement(PUBLIC_URL))
                : value;
    for (String field : List.of("redirectUris", "webOrigins")) {
      if (client.has(field)) {
        Set<String> set = new TreeSet<>();
        client.get(field).forEach(value -> set.add(address.apply(value.asText())));
        ArrayNode sorted = client.putArray(field);
        set.forEach(sorted::add);
      }
    }
    for (String field : List.of("rootUrl", "baseUrl", "adminUrl")) {
      if (client.has(field)) {
        client.put(field, address.apply(client.get(field).asText()));
      }
    }
    JsonNode attributes = client.path("attributes");
    if (attributes.has(SIGN_OUT_RETURNS)) {
      Set<String> set = new TreeSet<>();
      for (String value : attributes.get(SIGN_OUT_RETURNS).asText().split("##")) {
        set.add(address.apply(value));
      }
      ((ObjectNode) attributes).put(SIGN_OUT_RETURNS, String.join("##", set));
    }
    return client;
  }

  private static List<String> clientIds(JsonNode realm) {
    List<String> ids = new ArrayList<>();
    realm.get("clients").forEach(c -> ids.add(c.get("clientId").asText()));
    return ids;
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode realm(String file) {
    try {
      return new ObjectMapper().readTree(Repository.file("docker/keycloak/" + file).toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
