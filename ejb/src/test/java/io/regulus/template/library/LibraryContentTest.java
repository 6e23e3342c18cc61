package io.regulus.template.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.scoring.Classification;
import io.regulus.template.exchange.ExchangeAction;
import io.regulus.template.exchange.ExchangeControl;
import io.regulus.template.exchange.ImportProblem;
import io.regulus.template.exchange.OscalCatalogReader;
import io.regulus.template.exchange.RecordingSink;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in library's content (docs/library.md): every action and template version named by
 * {@code library/catalog.json}, and the NIST catalog read by the OSCAL importer with its mapping.
 * Each test collects every problem it finds and fails with the whole list.
 */
class LibraryContentTest {

  private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> TYPES = Set.of("technical", "operational", "documentation");
  private static final Set<String> TESTING = Set.of("manual", "automatic", "parent");
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

  /** Versions published before sources were kept: immutable, so they stay without links. */
  private static final Set<String> WITHOUT_SOURCES =
      Set.of("gdpr/2016-679.1.json", "hipaa-security/2013-omnibus.1.json");

  /** Where each regulation's official text is. */
  private static final Map<String, List<String>> OFFICIAL =
      Map.of(
          "gdpr", List.of("https://eur-lex.europa.eu/"),
          "ccpa-cpra", List.of("https://leginfo.legislature.ca.gov/", "https://cppa.ca.gov/"),
          "hipaa-security", List.of("https://www.ecfr.gov/"),
          "lgpd", List.of("https://www.planalto.gov.br/"),
          "iso-27001", List.of("https://www.iso.org/"));

  /** The four regulations our users run first. */
  static final List<String> SEED = List.of("gdpr", "ccpa-cpra", "hipaa-security", "lgpd");

  private static final Path DOCS = Path.of("../docs/library.md");

  private static final Map<String, JsonObject> ACTIONS = new LinkedHashMap<>();
  private static final Map<String, String> ACTION_FILE = new HashMap<>();

  /** Template key to its version files, oldest first: file name to content. */
  private static final Map<String, LinkedHashMap<String, JsonObject>> TEMPLATES =
      new LinkedHashMap<>();

  private static LibraryFiles files;
  private static final List<ExchangeControl> NIST = new ArrayList<>();
  private static final Map<String, ExchangeAction> NIST_OWN = new LinkedHashMap<>();
  private static final List<ImportProblem> NIST_PROBLEMS = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    JsonObject catalog = read("catalog.json");
    for (JsonString file : catalog.getJsonArray("actions").getValuesAs(JsonString.class)) {
      for (JsonValue action : read(file.getString()).getJsonArray("actions")) {
        JsonObject object = action.asJsonObject();
        String key = object.getString("key", "#" + ACTIONS.size());
        ACTION_FILE.merge(key, file.getString(), (first, second) -> first + " and " + second);
        ACTIONS.put(key, object);
      }
    }
    for (JsonString file : catalog.getJsonArray("templates").getValuesAs(JsonString.class)) {
      JsonObject template = read(file.getString());
      TEMPLATES
          .computeIfAbsent(template.getString("key"), key -> new LinkedHashMap<>())
          .put(file.getString(), template);
    }
    files = LibraryFiles.builtIn();
    for (LibraryFiles.Import nist : files.imports()) {
      RecordingSink read = new RecordingSink();
      new OscalCatalogReader().read(new ByteArrayInputStream(nist.bytes()), nist.options(), read);
      read.actions.forEach(action -> NIST_OWN.put(action.key(), action));
      NIST.addAll(read.controls);
      NIST_PROBLEMS.addAll(read.problems);
    }
  }

  @Test
  void everyActionIsWellFormedAndNoTwoShareATitle() {
    List<String> problems = new ArrayList<>();
    Map<String, String> titles = new HashMap<>();
    ACTION_FILE.forEach(
        (key, file) -> {
          if (file.contains(" and ")) {
            problems.add("action " + key + " is in " + file);
          }
        });
    ACTIONS.forEach(
        (key, action) -> {
          String where = ACTION_FILE.get(key) + " action " + key;
          if (!KEY.matcher(key).matches() || key.length() > 80) {
            problems.add(where + ": the key is not lower-case words joined by '-' (at most 80)");
          }
          String title = text(action, "title", 10, 200, where, problems);
          if (title != null) {
            String same =
                titles.put(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " "), key);
            if (same != null) {
              problems.add(where + ": has the title of " + same);
            }
          }
          text(action, "description", 40, 4000, where, problems);
          text(action, "howTo", 80, 4000, where, problems);
          text(action, "solution", 2, 120, where, problems);
          oneOf(action, "type", TYPES, where, problems);
          oneOf(action, "nature", NATURES, where, problems);
          oneOf(action, "category", CATEGORIES, where, problems);
          oneOf(action, "managedBy", MANAGED_BY, where, problems);
          String testing = oneOf(action, "testingSource", TESTING, where, problems);
          if (!flag(action.get("mandatory"))) {
            problems.add(where + ": mandatory is missing or not true/false");
          }
          if (action.containsKey("enhancement")) {
            text(action, "enhancement", 40, 400, where, problems);
            if (action.getBoolean("mandatory", false)) {
              problems.add(where + ": an enhancement is discretionary (mandatory false)");
            }
          }
          if (action.containsKey("points")) {
            problems.add(where + ": points are derived from its classification, not written");
          }
          boolean parent = action.containsKey("parent");
          if (parent != "parent".equals(testing)) {
            problems.add(where + ": a parent is given exactly when testingSource is parent");
          }
          if (parent && !ACTIONS.containsKey(action.getString("parent", ""))) {
            problems.add(where + ": its parent " + action.get("parent") + " is not in the library");
          }
        });
    assertThat(problems).as("problems in the action files").isEmpty();
  }

  @Test
  void everyTemplateVersionIsWellFormedAndLinksToTheOfficialText() {
    List<String> problems = new ArrayList<>();
    TEMPLATES.forEach(
        (key, versions) ->
            versions.forEach(
                (file, template) -> {
                  boolean linked = !WITHOUT_SOURCES.contains(file);
                  text(template, "title", 2, 300, file, problems);
                  text(template, "regulation", 2, 300, file, problems);
                  text(template, "version", 2, 40, file, problems);
                  text(template, "description", 40, 4000, file, problems);
                  if (linked) {
                    official(
                        key, text(template, "source", 10, 500, file, problems), file, problems);
                  }
                  Set<String> ids = new HashSet<>();
                  for (JsonObject control : controls(template)) {
                    String where = file + " control " + control.getString("id", "?");
                    text(control, "id", 1, 80, where, problems);
                    if (!ids.add(control.getString("id", ""))) {
                      problems.add(where + ": the id is used twice");
                    }
                    text(control, "family", 2, 200, where, problems);
                    text(control, "title", 2, 300, where, problems);
                    text(control, "description", 20, 4000, where, problems);
                    oneOf(control, "nature", NATURES, where, problems);
                    if (!flag(control.get("mandatory"))) {
                      problems.add(where + ": mandatory is missing or not true/false");
                    }
                    if (linked) {
                      official(
                          key, text(control, "source", 10, 500, where, problems), where, problems);
                    }
                    List<String> mapped = actionsOf(control);
                    if (mapped.isEmpty()) {
                      problems.add(where + ": maps no action");
                    }
                    if (new HashSet<>(mapped).size() != mapped.size()) {
                      problems.add(where + ": maps an action twice");
                    }
                    mapped.stream()
                        .filter(action -> !ACTIONS.containsKey(action))
                        .forEach(action -> problems.add(where + ": maps unknown action " + action));
                  }
                }));
    assertThat(problems).as("problems in the template files").isEmpty();
  }

  @Test
  void everyActionServesAControlAndEveryControlHasAnAction() {
    Set<String> served = new HashSet<>();
    TEMPLATES.values().stream()
        .flatMap(versions -> versions.values().stream())
        .flatMap(template -> controls(template).stream())
        .forEach(control -> served.addAll(actionsOf(control)));
    NIST.forEach(control -> served.addAll(control.actionKeys()));
    assertThat(ACTIONS.keySet().stream().filter(key -> !served.contains(key)).toList())
        .as("actions no control maps")
        .isEmpty();
    assertThat(NIST.stream().filter(control -> control.actionKeys().isEmpty()).toList())
        .as("NIST controls without an action")
        .isEmpty();
  }

  /**
   * docs/library.md's rule: an action's nature is what it does, and one of the controls mapping it
   * (in the newest versions) has that nature; it is mandatory exactly when one of those is, unless
   * it says why it goes beyond what they require (an enhancement: discretionary).
   */
  @Test
  void everyActionIsClassifiedForTheControlsItWasWrittenFor() {
    Map<String, List<String[]>> mappers = new HashMap<>();
    latest()
        .forEach(
            (key, template) ->
                controls(template)
                    .forEach(
                        control ->
                            actionsOf(control)
                                .forEach(
                                    action ->
                                        mappers
                                            .computeIfAbsent(action, k -> new ArrayList<>())
                                            .add(
                                                new String[] {
                                                  key + " " + control.getString("id"),
                                                  control.getString("nature"),
                                                  Boolean.toString(control.getBoolean("mandatory"))
                                                }))));
    NIST.forEach(
        control ->
            control
                .actionKeys()
                .forEach(
                    action ->
                        mappers
                            .computeIfAbsent(action, k -> new ArrayList<>())
                            .add(
                                new String[] {
                                  "nist " + control.id(),
                                  control.nature().toLowerCase(Locale.ROOT),
                                  Boolean.toString(control.mandatory())
                                })));
    List<String> problems = new ArrayList<>();
    mappers.forEach(
        (key, controls) -> {
          JsonObject action = ACTIONS.get(key);
          if (action == null) {
            return; // a NIST control's own action
          }
          String nature = action.getString("nature", "");
          List<String[]> same =
              controls.stream().filter(control -> control[1].equals(nature)).toList();
          boolean mandatory = same.stream().anyMatch(control -> control[2].equals("true"));
          if (same.isEmpty()) {
            problems.add(
                key
                    + " is "
                    + nature
                    + " but no control mapping it is: "
                    + controls.stream()
                        .map(control -> control[0] + " " + control[1])
                        .collect(Collectors.joining(", ")));
          } else if (action.getBoolean("mandatory", false) && !mandatory) {
            problems.add(key + " is mandatory but none of its " + nature + " controls is");
          } else if (mandatory
              && !action.getBoolean("mandatory", true)
              && !action.containsKey("enhancement")) {
            problems.add(
                key
                    + " is discretionary under mandatory "
                    + nature
                    + " controls ("
                    + same.stream().map(control -> control[0]).collect(Collectors.joining(", "))
                    + ") without saying why it goes beyond them (enhancement)");
          }
        });
    assertThat(problems).as("actions not classified for their controls").isEmpty();
  }

  @Test
  void gdprHoldsEveryObligationArticleTheDocsList() throws IOException {
    Matcher line =
        Pattern.compile("Obligation articles: ([0-9, ]+)").matcher(Files.readString(DOCS));
    assertThat(line.find()).as("docs/library.md lists GDPR's obligation articles").isTrue();
    List<String> articles = List.of(line.group(1).trim().split(",\\s*"));
    assertThat(articles)
        .hasSizeGreaterThanOrEqualTo(45)
        .contains("8", "9", "28", "30", "33", "44", "49");
    Set<String> present =
        controls(latest().get("gdpr")).stream()
            .map(control -> control.getString("id").replaceAll("^Art\\.(\\d+).*", "$1"))
            .collect(Collectors.toSet());
    assertThat(articles.stream().filter(article -> !present.contains(article)).toList())
        .as("articles docs/library.md lists that the GDPR template lacks")
        .isEmpty();
  }

  @Test
  void ccpaLgpdAndHipaaHoldTheirSections() {
    Map<String, List<String>> sections =
        Map.of(
            "ccpa-cpra",
            List.of(
                "1798.100",
                "1798.105",
                "1798.106",
                "1798.110",
                "1798.115",
                "1798.120",
                "1798.121",
                "1798.125",
                "1798.130",
                "1798.135",
                "1798.150",
                "CCR 7011",
                "CCR 7012",
                "CCR 7025",
                "CCR 7050",
                "CCR 7070",
                "CCR 7100",
                "CCR 7120",
                "CCR 7150"),
            "lgpd",
            List.of(
                "Art.6", "Art.7", "Art.8", "Art.9", "Art.10", "Art.11", "Art.14", "Art.15",
                "Art.16", "Art.18", "Art.19", "Art.20", "Art.33", "Art.37", "Art.38", "Art.39",
                "Art.41", "Art.46", "Art.48", "Art.50"),
            "hipaa-security",
            List.of(
                "164.308", "164.310", "164.312", "164.314", "164.316", "164.502", "164.504",
                "164.508", "164.510", "164.514", "164.520", "164.522", "164.524", "164.526",
                "164.528", "164.530", "164.402", "164.404", "164.406", "164.408", "164.410"));
    List<String> missing = new ArrayList<>();
    sections.forEach(
        (key, expected) -> {
          JsonObject template = latest().get(key);
          if (template == null) {
            missing.add(key + ": no template");
            return;
          }
          List<String> ids = controls(template).stream().map(c -> c.getString("id")).toList();
          expected.stream()
              .filter(
                  section ->
                      ids.stream()
                          .noneMatch(
                              id ->
                                  id.equals(section)
                                      || id.startsWith(section + "(")
                                      || id.startsWith(section + ".")
                                      || id.startsWith(section + " ")))
              .forEach(section -> missing.add(key + " " + section));
        });
    assertThat(missing).as("sections without a control").isEmpty();
  }

  @Test
  void iso27001HasItsNinetyThreeControlsInFourThemes() {
    Map<String, Integer> themes = new TreeMap<>();
    controls(latest().get("iso-27001"))
        .forEach(control -> themes.merge(control.getString("family"), 1, Integer::sum));
    assertThat(themes)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Organizational controls", 37,
                "People controls", 8,
                "Physical controls", 14,
                "Technological controls", 34));
    List<String> ids =
        controls(latest().get("iso-27001")).stream().map(c -> c.getString("id")).toList();
    assertThat(ids).contains("A.5.1", "A.5.37", "A.6.8", "A.7.14", "A.8.1", "A.8.34").hasSize(93);
  }

  @Test
  void nistModerateImportsAs287ControlsWithItsMappedActions() {
    assertThat(NIST_PROBLEMS).as("problems the OSCAL importer finds").isEmpty();
    assertThat(NIST).hasSize(287);
    Set<String> ids = NIST.stream().map(ExchangeControl::id).collect(Collectors.toSet());
    LibraryFiles.Import nist = files.imports().get(0);
    assertThat(nist.options().controls().keySet()).as("every control classified").isEqualTo(ids);
    List<String> unknown = new ArrayList<>();
    NIST.forEach(
        control ->
            control.actionKeys().stream()
                .filter(key -> !ACTIONS.containsKey(key) && !NIST_OWN.containsKey(key))
                .forEach(key -> unknown.add(control.id() + " maps " + key)));
    assertThat(unknown).isEmpty();
    assertThat(NIST.stream().filter(control -> !NIST_OWN.containsKey(control.actionKeys().get(0))))
        .as("controls served by shared actions")
        .hasSizeGreaterThan(40);
  }

  @Test
  void theSeedRegulationsShare200To450ActionsAndNoPointValueHoldsMoreThan60Percent() {
    Set<String> seed = new HashSet<>();
    SEED.forEach(key -> controls(latest().get(key)).forEach(c -> seed.addAll(actionsOf(c))));
    assertThat(seed).hasSizeBetween(200, 450);
    Map<Integer, Long> spread =
        seed.stream()
            .collect(Collectors.groupingBy(key -> points(ACTIONS.get(key)), Collectors.counting()));
    assertThat(spread.values()).allMatch(count -> count * 100 <= seed.size() * 60L);
  }

  /**
   * docs/library.md shows the spread as the files give it (the expected table is in the failure).
   */
  @Test
  void theDocsShowEachTemplatesClassificationAndPointsSpread() throws IOException {
    String docs = Files.readString(DOCS);
    String table = spreadTable();
    assertThat(docs).as("docs/library.md's spread table, expected:%n%s", table).contains(table);
  }

  /** The classification and points table of every template's newest version, and the four seed. */
  static String spreadTable() {
    StringBuilder table =
        new StringBuilder(
            "| template | version | controls | prev. mand. | prev. disc. | det. mand. | det. disc. |"
                + " corr. mand. | corr. disc. | actions | 27 | 9 | 3 | 1 |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    latest()
        .forEach(
            (key, template) -> {
              List<String[]> classes =
                  controls(template).stream()
                      .map(
                          c ->
                              new String[] {
                                c.getString("nature"), Boolean.toString(c.getBoolean("mandatory"))
                              })
                      .toList();
              Set<String> actions = new HashSet<>();
              controls(template).forEach(c -> actions.addAll(actionsOf(c)));
              row(table, key, template.getString("version"), classes, pointsOf(actions));
            });
    if (!NIST.isEmpty()) {
      Map<Integer, Long> points = new TreeMap<>();
      Map<String, Integer> own = new HashMap<>();
      Set<String> shared = new HashSet<>();
      NIST.forEach(
          control ->
              control
                  .actionKeys()
                  .forEach(
                      key -> {
                        if (ACTIONS.containsKey(key)) {
                          shared.add(key);
                        } else {
                          own.merge(
                              key,
                              new Classification(
                                      Classification.Nature.valueOf(control.nature()),
                                      control.mandatory())
                                  .points(),
                              Math::max);
                        }
                      }));
      shared.forEach(key -> points.merge(points(ACTIONS.get(key)), 1L, Long::sum));
      own.values().forEach(value -> points.merge(value, 1L, Long::sum));
      row(
          table,
          files.imports().get(0).key(),
          files.imports().get(0).version(),
          NIST.stream()
              .map(
                  c ->
                      new String[] {
                        c.nature().toLowerCase(Locale.ROOT), Boolean.toString(c.mandatory())
                      })
              .toList(),
          points);
    }
    Set<String> seed = new HashSet<>();
    SEED.forEach(key -> controls(latest().get(key)).forEach(c -> seed.addAll(actionsOf(c))));
    Map<Integer, Long> points = pointsOf(seed);
    table.append("| **four seed regulations** | | | | | | | | | ").append(seed.size());
    for (int value : new int[] {27, 9, 3, 1}) {
      long count = points.getOrDefault(value, 0L);
      table
          .append(" | ")
          .append(count)
          .append(" (")
          .append(count * 100 / seed.size())
          .append(" %)");
    }
    return table.append(" |\n").toString();
  }

  private static void row(
      StringBuilder table,
      String key,
      String version,
      List<String[]> classes,
      Map<Integer, Long> points) {
    table
        .append("| ")
        .append(key)
        .append(" | ")
        .append(version)
        .append(" | ")
        .append(classes.size());
    for (String nature : List.of("preventative", "detective", "corrective")) {
      for (String mandatory : List.of("true", "false")) {
        table
            .append(" | ")
            .append(
                classes.stream()
                    .filter(c -> c[0].equals(nature) && c[1].equals(mandatory))
                    .count());
      }
    }
    table.append(" | ").append(points.values().stream().mapToLong(Long::longValue).sum());
    for (int value : new int[] {27, 9, 3, 1}) {
      table.append(" | ").append(points.getOrDefault(value, 0L));
    }
    table.append(" |\n");
  }

  private static Map<Integer, Long> pointsOf(Set<String> keys) {
    return keys.stream()
        .collect(
            Collectors.groupingBy(
                key -> points(ACTIONS.get(key)), TreeMap::new, Collectors.counting()));
  }

  private static int points(JsonObject action) {
    return new Classification(
            Classification.Nature.valueOf(action.getString("nature").toUpperCase(Locale.ROOT)),
            action.getBoolean("mandatory"))
        .points();
  }

  /** Each template's newest version (the last of its files in the catalog). */
  static Map<String, JsonObject> latest() {
    Map<String, JsonObject> latest = new LinkedHashMap<>();
    TEMPLATES.forEach(
        (key, versions) -> versions.values().forEach(template -> latest.put(key, template)));
    return latest;
  }

  private static List<JsonObject> controls(JsonObject template) {
    return template.getJsonArray("controls").stream().map(JsonValue::asJsonObject).toList();
  }

  private static List<String> actionsOf(JsonObject control) {
    JsonArray actions = control.getJsonArray("actions");
    return actions == null
        ? List.of()
        : actions.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static boolean flag(JsonValue value) {
    return value == JsonValue.TRUE || value == JsonValue.FALSE;
  }

  private static void official(String key, String source, String where, List<String> problems) {
    if (source != null
        && OFFICIAL.containsKey(key)
        && OFFICIAL.get(key).stream().noneMatch(source::startsWith)) {
      problems.add(where + ": the source " + source + " is not on " + OFFICIAL.get(key));
    }
  }

  private static String text(
      JsonObject object, String field, int min, int max, String where, List<String> problems) {
    if (!(object.get(field) instanceof JsonString value) || value.getString().isBlank()) {
      problems.add(where + ": " + field + " is missing or blank");
      return null;
    }
    int length = value.getString().length();
    if (length < min || length > max) {
      problems.add(
          where + ": " + field + " has " + length + " characters, not " + min + ".." + max);
    }
    return value.getString();
  }

  private static String oneOf(
      JsonObject object, String field, Set<String> allowed, String where, List<String> problems) {
    String value = object.get(field) instanceof JsonString text ? text.getString() : null;
    if (!allowed.contains(value)) {
      problems.add(where + ": " + field + " " + value + " is not one of " + allowed);
    }
    return value;
  }

  private static JsonObject read(String file) {
    try (InputStream in =
            LibraryContentTest.class.getClassLoader().getResourceAsStream("library/" + file);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
