package io.regulus.library;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the built-in template library kept as data under {@code /library/}: the shared action
 * library and every template named by {@code catalog.json}. Each test collects all problems it
 * finds and fails with the full list, so one run says everything that is wrong with the content.
 */
class LibraryContentTest {

  private static final Pattern ACTION_KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> TYPES = Set.of("technical", "operational", "documentation");
  private static final Set<String> TESTING_SOURCES = Set.of("manual", "automatic", "parent");
  private static final Set<String> NATURES = Set.of("preventative", "detective", "corrective");
  private static final Set<String> MANAGED_BY = Set.of("customer", "provider");
  private static final Set<String> CATEGORIES =
      Set.of(
          "Control access",
          "Protect information",
          "Manage devices",
          "Govern information",
          "Discover and respond",
          "Manage internal risks",
          "Privacy management",
          "Protect against threats",
          "Manage compliance",
          "Infrastructure cloud");
  private static final String GDPR = "gdpr.json";
  private static final String HIPAA = "hipaa-security.json";
  private static final int MIN_SHARED_GDPR_HIPAA = 25;

  private static JsonObject catalog;
  private static JsonArray actions;

  /** Template file name to its parsed content, in catalog order. */
  private static final Map<String, JsonObject> TEMPLATES = new LinkedHashMap<>();

  @BeforeAll
  static void load() {
    catalog = read("catalog.json").asJsonObject();
    JsonValue library = read(catalog.getString("actions"));
    assertThat(library.getValueType())
        .as("actions file is a JSON object")
        .isEqualTo(JsonValue.ValueType.OBJECT);
    assertThat(library.asJsonObject().get("actions"))
        .as("actions file has an \"actions\" array")
        .isInstanceOf(JsonArray.class);
    actions = library.asJsonObject().getJsonArray("actions");
    for (JsonString file : catalog.getJsonArray("templates").getValuesAs(JsonString.class)) {
      JsonValue template = read(file.getString());
      assertThat(template.getValueType())
          .as(file.getString() + " is a JSON object")
          .isEqualTo(JsonValue.ValueType.OBJECT);
      TEMPLATES.put(file.getString(), template.asJsonObject());
    }
  }

  @Test
  void theCatalogNamesTheActionLibraryAndBothTemplates() {
    assertThat(catalog.getString("actions")).isEqualTo("actions.json");
    assertThat(TEMPLATES).containsKeys(GDPR, HIPAA);
    assertThat(TEMPLATES.get(GDPR).getString("key")).isEqualTo("gdpr");
    assertThat(TEMPLATES.get(HIPAA).getString("key")).isEqualTo("hipaa-security");
    assertThat(TEMPLATES.get(HIPAA).getString("version")).isEqualTo("2013-omnibus.1");
  }

  @Test
  void everyActionIsWellFormed() {
    List<String> problems = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Map<String, JsonObject> byKey = actionsByKey();
    int index = 0;
    for (JsonValue value : actions) {
      String where = "action #" + index++;
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        problems.add(where + " is not a JSON object");
        continue;
      }
      JsonObject action = value.asJsonObject();
      String key = text(action, "key", 80, where, problems);
      if (key != null) {
        where = "action " + key;
        if (!ACTION_KEY.matcher(key).matches()) {
          problems.add(where + ": key does not match " + ACTION_KEY.pattern());
        }
        if (!keys.add(key)) {
          problems.add(where + ": key is used twice");
        }
      }
      text(action, "title", 300, where, problems);
      text(action, "description", 4000, where, problems);
      text(action, "howTo", 4000, where, problems);
      text(action, "solution", 120, where, problems);
      oneOf(action, "type", TYPES, where, problems);
      oneOf(action, "category", CATEGORIES, where, problems);
      oneOf(action, "managedBy", MANAGED_BY, where, problems);
      String testing = oneOf(action, "testingSource", TESTING_SOURCES, where, problems);
      if (!(action.get("points") instanceof jakarta.json.JsonNumber number)
          || !number.isIntegral()) {
        problems.add(where + ": points is missing or not a whole number");
      } else if (number.intValue() < 1 || number.intValue() > 99) {
        problems.add(where + ": points " + number + " is outside 1..99");
      }
      boolean hasParent = action.containsKey("parent") && !action.isNull("parent");
      if (hasParent != "parent".equals(testing)) {
        problems.add(
            where
                + ": testingSource is \""
                + testing
                + "\" but parent is "
                + (hasParent ? "given" : "missing"));
      }
      if (hasParent) {
        if (!(action.get("parent") instanceof JsonString parentValue)) {
          problems.add(where + ": parent is not a string");
        } else {
          String parent = parentValue.getString();
          JsonObject parentAction = byKey.get(parent);
          if (parent.equals(key)) {
            problems.add(where + ": is its own parent");
          } else if (parentAction == null) {
            problems.add(where + ": parent " + parent + " is not in the library");
          } else if ("parent".equals(parentAction.getString("testingSource", null))) {
            problems.add(
                where + ": parent " + parent + " itself inherits from another action (no chains)");
          }
        }
      }
    }
    assertThat(problems).as("problems in actions.json").isEmpty();
  }

  @Test
  void everyTemplateIsWellFormedAndMapsOnlyKnownActions() {
    List<String> problems = new ArrayList<>();
    Set<String> known = actionsByKey().keySet();
    TEMPLATES.forEach(
        (file, template) -> {
          text(template, "key", 60, file, problems);
          text(template, "title", 300, file, problems);
          text(template, "regulation", 300, file, problems);
          text(template, "version", 40, file, problems);
          text(template, "description", 4000, file, problems);
          if (!(template.get("controls") instanceof JsonArray controls) || controls.isEmpty()) {
            problems.add(file + ": controls is missing, not an array or empty");
            return;
          }
          Set<String> ids = new HashSet<>();
          int index = 0;
          for (JsonValue value : controls) {
            String where = file + " control #" + index++;
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
              problems.add(where + " is not a JSON object");
              continue;
            }
            JsonObject control = value.asJsonObject();
            String id = text(control, "id", 80, where, problems);
            if (id != null) {
              where = file + " control " + id;
              if (!ids.add(id)) {
                problems.add(where + ": id is used twice in the template");
              }
            }
            text(control, "family", 200, where, problems);
            text(control, "title", 300, where, problems);
            text(control, "description", 4000, where, problems);
            oneOf(control, "nature", NATURES, where, problems);
            if (control.containsKey("managedBy")) {
              problems.add(
                  where
                      + ": managedBy belongs to the actions (actions.json); a control's"
                      + " responsibility is derived from them");
            }
            JsonValue mandatory = control.get("mandatory");
            if (mandatory != JsonValue.TRUE && mandatory != JsonValue.FALSE) {
              problems.add(where + ": mandatory is missing or not a boolean");
            }
            if (!(control.get("actions") instanceof JsonArray mapped) || mapped.isEmpty()) {
              problems.add(where + ": maps no action");
              continue;
            }
            Set<String> seen = new HashSet<>();
            for (JsonValue entry : mapped) {
              if (!(entry instanceof JsonString keyValue)) {
                problems.add(where + ": an action reference is not a string");
                continue;
              }
              String key = keyValue.getString();
              if (!known.contains(key)) {
                problems.add(where + ": maps unknown action " + key);
              }
              if (!seen.add(key)) {
                problems.add(where + ": maps action " + key + " twice");
              }
            }
          }
        });
    assertThat(problems).as("problems in the templates").isEmpty();
  }

  @Test
  void everyActionServesAtLeastOneControl() {
    Set<String> used = new HashSet<>();
    TEMPLATES.keySet().forEach(file -> used.addAll(actionKeysOf(file)));
    Set<String> unused = new TreeSet<>(actionsByKey().keySet());
    unused.removeAll(used);
    assertThat(unused).as("actions in actions.json that no control maps").isEmpty();
  }

  @Test
  void gdprAndHipaaShareTheirCommonActionsAndTheCountsAreReported() {
    Set<String> gdpr = actionKeysOf(GDPR);
    Set<String> hipaa = actionKeysOf(HIPAA);
    Set<String> shared = new TreeSet<>(gdpr);
    shared.retainAll(hipaa);
    Set<String> distinct = new HashSet<>();
    TEMPLATES.keySet().forEach(file -> distinct.addAll(actionKeysOf(file)));

    System.out.println("Built-in library content:");
    TEMPLATES.forEach(
        (file, template) ->
            System.out.printf(
                "  %-22s %3d controls, %3d distinct actions%n",
                template.getString("key"),
                template.getJsonArray("controls").size(),
                actionKeysOf(file).size()));
    System.out.printf(
        "  actions in actions.json: %d; mapped by templates: %d; shared by GDPR and HIPAA: %d%n",
        actions.size(), distinct.size(), shared.size());

    assertThat(shared)
        .as("action keys mapped by both GDPR and the HIPAA Security Rule")
        .hasSizeGreaterThanOrEqualTo(MIN_SHARED_GDPR_HIPAA)
        // the obligations both regulations share must land on the same action
        .contains(
            "mfa-for-all-users",
            "encrypt-data-at-rest",
            "encrypt-data-in-transit",
            "centralised-audit-logging",
            "incident-response-plan",
            "information-security-risk-assessment",
            "security-awareness-training",
            "vendor-data-protection-contracts",
            "automated-backups",
            "information-security-policy");
  }

  @Test
  void providerManagedControlsAreFew() {
    Map<String, JsonObject> byKey = actionsByKey();
    List<String> problems = new ArrayList<>();
    TEMPLATES.forEach(
        (file, template) -> {
          List<JsonObject> controls =
              template.getJsonArray("controls").getValuesAs(JsonObject.class);
          long provider =
              controls.stream()
                  .filter(
                      c ->
                          c.getJsonArray("actions").getValuesAs(JsonString.class).stream()
                              .allMatch(
                                  key ->
                                      "provider"
                                          .equals(
                                              byKey
                                                  .get(key.getString())
                                                  .getString("managedBy", null))))
                  .count();
          if (provider * 5 > controls.size()) {
            problems.add(
                file
                    + ": "
                    + provider
                    + " of "
                    + controls.size()
                    + " controls are provider-managed");
          }
        });
    assertThat(problems).isEmpty();
  }

  private static Set<String> actionKeysOf(String file) {
    Set<String> keys = new LinkedHashSet<>();
    for (JsonValue value : TEMPLATES.get(file).getJsonArray("controls")) {
      if (value instanceof JsonObject control
          && control.get("actions") instanceof JsonArray mapped) {
        for (JsonValue entry : mapped) {
          if (entry instanceof JsonString key) {
            keys.add(key.getString());
          }
        }
      }
    }
    return keys;
  }

  private static Map<String, JsonObject> actionsByKey() {
    Map<String, JsonObject> byKey = new LinkedHashMap<>();
    for (JsonValue value : actions) {
      if (value instanceof JsonObject action && action.get("key") instanceof JsonString key) {
        byKey.putIfAbsent(key.getString(), action);
      }
    }
    return byKey;
  }

  /**
   * A required, non-blank string field no longer than the database column; null (and a problem)
   * otherwise.
   */
  private static String text(
      JsonObject object, String field, int maxLength, String where, List<String> problems) {
    if (!(object.get(field) instanceof JsonString value) || value.getString().isBlank()) {
      problems.add(where + ": " + field + " is missing, blank or not a string");
      return null;
    }
    if (value.getString().length() > maxLength) {
      problems.add(where + ": " + field + " is longer than " + maxLength + " characters");
    }
    return value.getString();
  }

  private static String oneOf(
      JsonObject object, String field, Set<String> allowed, String where, List<String> problems) {
    String value = object.get(field) instanceof JsonString s ? s.getString() : null;
    if (!allowed.contains(value)) {
      problems.add(
          where
              + ": "
              + field
              + " is "
              + (value == null ? "missing" : "\"" + value + "\"")
              + ", expected one of "
              + new TreeSet<>(allowed));
    }
    return value;
  }

  private static JsonValue read(String name) {
    String resource = "/library/" + name;
    try (InputStream in = LibraryContentTest.class.getResourceAsStream(resource)) {
      assertThat(in).as("class path resource " + resource).isNotNull();
      try (JsonReader reader = Json.createReader(in)) {
        return reader.readValue();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
