package io.regulus.template.exchange;

import io.regulus.template.exchange.OscalProse.Params;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the groups and controls of one OSCAL catalog, each handed over as it is read, into controls
 * and actions for a {@link TemplateSink}; remembers what it has seen (control ids, action keys) so
 * that duplicates are reported across the whole file.
 *
 * <p>Family: the title of a control's top-level group, whatever the depth of groups below it; a
 * control outside any group is in a family named after the catalog. Id: the control's human label
 * ({@link Oscal#label}), else its OSCAL id. Actions: the import's mapping for the control id, else
 * the actions the file names in Regulus' namespace (a Regulus export), else one action of its own
 * ({@link ActionKeys#forControl}, in the import's key namespace, titled "AC-2(1) Automated System
 * Account Management", described by the control's requirement).
 */
final class OscalControlReader {

  private static final Set<String> NATURES = Set.of("PREVENTATIVE", "DETECTIVE", "CORRECTIVE");

  private final ImportOptions options;
  private final TemplateSink sink;
  private final Map<String, String> controls = new HashMap<>();
  private final Map<String, String> actions = new HashMap<>();
  private final Set<String> withdrawn = new HashSet<>();

  OscalControlReader(ImportOptions options, TemplateSink sink) {
    this.options = options;
    this.sink = sink;
  }

  /** A group (any depth) and all it holds; {@code family} is null for a top-level group. */
  void group(JsonObject group, String at, Params params, String family) {
    String title = Oscal.text(group, "title");
    if (title == null) {
      problem(
          at,
          "title",
          Oscal.text(group, "id"),
          "This group has no title: add one (it names" + " the family of the controls in it).");
    }
    String own = family != null ? family : title != null ? title : Oscal.text(group, "id");
    Params inner = params.with(group.get("params"));
    List<JsonObject> parts = Oscal.objects(group, "parts");
    for (int i = 0; i < parts.size(); i++) {
      if (Oscal.ownPart(parts.get(i), "action")) {
        action(parts.get(i), at + "/parts/" + i);
      }
    }
    // controls and groups in the order the file gives them
    for (Map.Entry<String, JsonValue> member : group.entrySet()) {
      if (member.getValue() instanceof JsonArray array && member.getKey().equals("controls")) {
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i) instanceof JsonObject control) {
            control(control, at + "/controls/" + i, inner, own);
          }
        }
      } else if (member.getValue() instanceof JsonArray array && member.getKey().equals("groups")) {
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i) instanceof JsonObject sub) {
            group(sub, at + "/groups/" + i, inner, own);
          }
        }
      }
    }
  }

  /** A control and the controls nested in it (enhancements), any depth. */
  void control(JsonObject control, String at, Params params, String family) {
    String label = Oscal.label(control);
    String id = label != null ? label : Oscal.text(control, "id");
    String withdrawnBy = Oscal.withdrawnBy(control);
    if (withdrawnBy != null) {
      id = id == null ? at : id;
      withdrawn.add(id);
      int nested = nested(control);
      String with =
          nested == 0
              ? ""
              : ", with the %d control%s nested in it".formatted(nested, plural(nested));
      String reason = "Control %s is withdrawn by its publisher: skipped%s.";
      sink.notice(new ImportProblem(at, null, withdrawnBy, id, reason.formatted(id, with)));
      return;
    }
    Params inner = params.with(control.get("params"));
    String title = Oscal.text(control, "title");
    if (id == null) {
      problem(
          at,
          "id",
          null,
          "This control has no id: every OSCAL control needs one (e.g."
              + " \"id\": \"ac-2\"); add it, or a label prop.");
    }
    if (title == null) {
      String reason = "Control %s has no title: every OSCAL control needs one; add it.";
      problem(at, "title", id, reason.formatted(id == null ? "at " + at : id));
    }
    if (id != null && title != null) {
      String first = controls.putIfAbsent(id, at);
      if (first != null) {
        String reason =
            "Control id %s is given twice (first at %s): a catalog's control ids are unique;"
                + " rename or remove one of them.";
        problem(at, label != null ? "props/label" : "id", id, reason.formatted(id, first));
      } else {
        emit(control, id, title, family, inner, at);
      }
    }
    List<JsonObject> enhancements = Oscal.objects(control, "controls");
    for (int i = 0; i < enhancements.size(); i++) {
      control(enhancements.get(i), at + "/controls/" + i, inner, family);
    }
  }

  private void emit(
      JsonObject control, String id, String title, String family, Params params, String at) {
    String requirement = OscalProse.requirement(control, params);
    String description = OscalProse.description(requirement, OscalProse.guidance(control, params));
    List<String> keys = options.actionsOf(id);
    if (keys.isEmpty()) {
      keys = Oscal.own(control, "action");
    }
    if (keys.isEmpty()) {
      String key = ActionKeys.forControl(options.keyNamespace(), options.keyPrefix(), id);
      if (claim(key, "control " + id, at)) {
        String how =
            !requirement.isEmpty() ? requirement : !description.isEmpty() ? description : title;
        sink.action(
            new ExchangeAction(
                key,
                id + " " + title,
                options.actionType(),
                null,
                null,
                how,
                category(id),
                null,
                options.managedBy(),
                Map.of()));
      }
      keys = List.of(key);
    }
    sink.control(
        new ExchangeControl(
            id,
            family,
            title,
            description,
            mandatory(control, id, at),
            nature(control, id, at),
            keys));
  }

  /**
   * After the last control: the import's mapping may only name controls of the catalog (a mapping
   * of a withdrawn control is noted and ignored).
   */
  void finish() {
    for (String id : options.controls().keySet().stream().sorted().toList()) {
      if (withdrawn.contains(id)) {
        String reason = "The mapping of control %s is ignored: the control is withdrawn.";
        sink.notice(new ImportProblem("mapping", null, "control", id, reason.formatted(id)));
      } else if (!controls.containsKey(id)) {
        String reason =
            "The mapping names control %s, which this catalog does not have: correct the control"
                + " id in the mapping (ids are the controls' labels, e.g. AC-2(1)).";
        problem("mapping", "control", id, reason.formatted(id));
      }
    }
  }

  /** The file's own classification of a control, else the mapping's, else the import's default. */
  private boolean mandatory(JsonObject control, String id, String at) {
    String given = Oscal.ownOne(control, "mandatory");
    if (given == null) {
      ImportOptions.ControlMapping mapped = options.controls().get(id);
      return mapped != null && mapped.mandatory() != null
          ? mapped.mandatory()
          : options.mandatory();
    }
    if (!given.equals("true") && !given.equals("false")) {
      problem(at, "props/mandatory", given, "The mandatory prop is true or false.");
    }
    return given.equals("true");
  }

  private String nature(JsonObject control, String id, String at) {
    String given = Oscal.ownOne(control, "nature");
    if (given == null) {
      ImportOptions.ControlMapping mapped = options.controls().get(id);
      return mapped != null && mapped.nature() != null ? mapped.nature() : options.nature();
    }
    String nature = given.strip().toUpperCase(Locale.ROOT);
    if (!NATURES.contains(nature)) {
      problem(
          at, "props/nature", given, "The nature prop is PREVENTATIVE, DETECTIVE or CORRECTIVE.");
    }
    return nature;
  }

  /** An action of a Regulus export: a part in Regulus' namespace. */
  private void action(JsonObject part, String at) {
    String key = Oscal.ownOne(part, "key");
    String title = Oscal.text(part, "title");
    if (key == null) {
      problem(at, "props/key", null, "This action part has no key prop: add its action key.");
    }
    if (title == null) {
      problem(at, "title", key, "Action " + key + " has no title: add one.");
    }
    if (key == null || title == null || !claim(key, "an action part", at)) {
      return;
    }
    Integer points = null;
    String given = Oscal.ownOne(part, "points");
    if (given != null) {
      try {
        points = Integer.valueOf(given.strip());
      } catch (NumberFormatException e) {
        problem(at, "props/points", given, "Points are a whole number from 1 to 99.");
      }
    }
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (JsonObject dimension : Oscal.objects(part, "parts")) {
      if (Oscal.ownPart(dimension, "dimension") && Oscal.text(dimension, "title") != null) {
        String value = Oscal.text(dimension, "prose");
        dimensions.put(Oscal.text(dimension, "title"), value == null ? "" : value);
      }
    }
    String description = Oscal.text(part, "prose");
    sink.action(
        new ExchangeAction(
            key,
            title,
            or(part, "type", options.actionType()),
            points,
            Oscal.ownOne(part, "description-title"),
            description == null ? "" : description,
            or(part, "category", options.category()),
            Oscal.ownOne(part, "solution"),
            or(part, "managed-by", options.managedBy()),
            dimensions));
  }

  private static String or(JsonObject object, String name, String fallback) {
    String own = Oscal.ownOne(object, name);
    return own == null ? fallback : own;
  }

  /** Records an action key; false (and a problem) when another action took it first. */
  private boolean claim(String key, String origin, String at) {
    String first = actions.putIfAbsent(key, origin);
    if (first != null) {
      String reason =
          "The action key %s of %s is also that of %s: action keys are unique; give one of them"
              + " another id, or map it to an action (mapping file).";
      problem(at, "key", key, reason.formatted(key, origin, first));
      return false;
    }
    return true;
  }

  private static String plural(int count) {
    return count == 1 ? "" : "s";
  }

  private static int nested(JsonObject control) {
    int count = 0;
    for (JsonObject inner : Oscal.objects(control, "controls")) {
      count += 1 + nested(inner);
    }
    return count;
  }

  private void problem(String at, String column, String value, String reason) {
    sink.problem(new ImportProblem(at, null, column, shorten(value), reason));
  }

  static String shorten(String value) {
    return value == null || value.length() <= 200 ? value : value.substring(0, 200);
  }

  private String category(String id) {
    ImportOptions.ControlMapping mapped = options.controls().get(id);
    return mapped != null && mapped.category() != null ? mapped.category() : options.category();
  }
}
