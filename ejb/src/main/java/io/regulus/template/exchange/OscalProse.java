package io.regulus.template.exchange;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OSCAL control parts rendered as plain text for a control's description: nested parts on lines of
 * their own, each led by its label ("a.", "1.", "(a)") and indented two spaces per level, and every
 * {@code {{ insert: param, id }}} replaced by the parameter's text.
 *
 * <p>A parameter renders as its values (joined by ", ") when it has any, else as its selection
 * ("[Selection (one or more): a; b]", whose choices may insert other parameters), else as its label
 * ("[Assignment: organization-defined frequency]"), else as "[Assignment: id]". Parameters are
 * looked up in the control, then each enclosing control, group and the catalog ({@link Params}). An
 * insert of an unknown parameter is kept as written. Markdown in prose is kept as written.
 *
 * <p>The requirement is the {@code statement} part; a control without one uses its other prose
 * parts ({@code item}, {@code overview}, any publisher's own name), and failing those its {@code
 * objective} / {@code assessment-objective} parts. {@code guidance} follows under "Guidance:".
 * Assessment methods ({@code assessment}, {@code assessment-method}) are never included.
 */
final class OscalProse {

  private static final Pattern INSERT =
      Pattern.compile("\\{\\{\\s*insert\\s*:\\s*param\\s*,\\s*([^\\s}]+)\\s*}}");

  private static final Set<String> OBJECTIVES = Set.of("objective", "assessment-objective");
  private static final Set<String> NEVER = Set.of("assessment", "assessment-method", "guidance");

  private OscalProse() {}

  /** The parameters in scope: a control's own, then its ancestors' out to the catalog's. */
  static final class Params {

    static final Params NONE = new Params(Map.of(), null);

    private final Map<String, JsonObject> own;
    private final Params outer;

    private Params(Map<String, JsonObject> own, Params outer) {
      this.own = own;
      this.outer = outer;
    }

    /** This scope with a control's or group's {@code params} array inside it. */
    Params with(JsonValue params) {
      if (!(params instanceof JsonArray array) || array.isEmpty()) {
        return this;
      }
      Map<String, JsonObject> map = new HashMap<>();
      for (JsonValue value : array) {
        if (value instanceof JsonObject param && Oscal.text(param, "id") != null) {
          map.put(Oscal.text(param, "id"), param);
        }
      }
      return new Params(map, this);
    }

    JsonObject find(String id) {
      for (Params scope = this; scope != null; scope = scope.outer) {
        JsonObject param = scope.own.get(id);
        if (param != null) {
          return param;
        }
      }
      return null;
    }
  }

  /** What the control requires: its statement, else its other prose parts, else its objectives. */
  static String requirement(JsonObject control, Params params) {
    List<JsonObject> statements = new ArrayList<>();
    List<JsonObject> others = new ArrayList<>();
    List<JsonObject> objectives = new ArrayList<>();
    for (JsonObject part : Oscal.objects(control, "parts")) {
      String name = Oscal.text(part, "name");
      if ("statement".equals(name)) {
        statements.add(part);
      } else if (OBJECTIVES.contains(name)) {
        objectives.add(part);
      } else if (!NEVER.contains(name)) {
        others.add(part);
      }
    }
    List<JsonObject> chosen =
        !statements.isEmpty() ? statements : !others.isEmpty() ? others : objectives;
    return render(chosen, params);
  }

  /** The control's guidance parts, rendered; empty when it has none. */
  static String guidance(JsonObject control, Params params) {
    List<JsonObject> guidance = new ArrayList<>();
    for (JsonObject part : Oscal.objects(control, "parts")) {
      if ("guidance".equals(Oscal.text(part, "name"))) {
        guidance.add(part);
      }
    }
    return render(guidance, params);
  }

  /** Requirement, then guidance under "Guidance:", either alone when the other is empty. */
  static String description(String requirement, String guidance) {
    if (guidance.isEmpty()) {
      return requirement;
    }
    String block = "Guidance:\n" + guidance;
    return requirement.isEmpty() ? block : requirement + "\n\n" + block;
  }

  private static String render(List<JsonObject> parts, Params params) {
    List<String> lines = new ArrayList<>();
    for (JsonObject part : parts) {
      part(part, 0, params, lines);
    }
    return String.join("\n", lines).strip();
  }

  private static void part(JsonObject part, int depth, Params params, List<String> lines) {
    String label = Oscal.label(part);
    String title = Oscal.text(part, "title");
    String prose = Oscal.text(part, "prose");
    prose = prose == null ? null : prose(prose, params).strip();
    String indent = "  ".repeat(depth);
    boolean shown = label != null || title != null || (prose != null && !prose.isEmpty());
    String lead = join(label, title);
    if (label == null && shown && !lines.isEmpty()) {
      lines.add(""); // parts without a label are paragraphs
    }
    if (title != null && prose != null && !prose.isEmpty()) {
      lines.add(indent + lead);
      indented(prose, indent, lines);
    } else if (prose != null && !prose.isEmpty()) {
      indented(lead.isEmpty() ? prose : lead + " " + prose, indent, lines);
    } else if (!lead.isEmpty()) {
      lines.add(indent + lead);
    }
    // a part with nothing of its own (a statement holding items) takes no level
    int inner = shown ? depth + 1 : depth;
    for (JsonObject child : Oscal.objects(part, "parts")) {
      part(child, inner, params, lines);
    }
  }

  private static void indented(String text, String indent, List<String> lines) {
    for (String line : text.split("\n", -1)) {
      lines.add(line.isBlank() ? "" : indent + line);
    }
  }

  private static String join(String label, String title) {
    if (label == null) {
      return title == null ? "" : title;
    }
    return title == null ? label : label + " " + title;
  }

  /** Prose with its parameter inserts rendered. */
  static String prose(String prose, Params params) {
    return inserts(prose, params, new HashSet<>());
  }

  private static String inserts(String text, Params params, Set<String> open) {
    Matcher matcher = INSERT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String rendered = param(matcher.group(1), params, open);
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(rendered == null ? matcher.group() : rendered));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String param(String id, Params params, Set<String> open) {
    JsonObject param = params.find(id);
    if (param == null) {
      return null;
    }
    if (!open.add(id)) {
      // a parameter inserting itself, directly or through another: its label ends the loop
      return "[Assignment: " + id + "]";
    }
    try {
      List<String> values = strings(param.get("values"));
      if (values.isEmpty() && Oscal.text(param, "value") != null) {
        values = List.of(Oscal.text(param, "value")); // before OSCAL 1.0: one value
      }
      if (!values.isEmpty()) {
        return String.join(", ", values);
      }
      JsonValue select = param.containsKey("select") ? param.get("select") : param.get("selection");
      if (select instanceof JsonObject selection) {
        List<String> choices = new ArrayList<>();
        JsonValue given =
            selection.containsKey("choice")
                ? selection.get("choice")
                : selection.get("alternatives"); // before OSCAL 1.0
        for (String choice : strings(given)) {
          choices.add(inserts(choice, params, open).strip());
        }
        String many =
            "one-or-more".equals(Oscal.text(selection, "how-many")) ? " (one or more)" : "";
        return "[Selection" + many + ": " + String.join("; ", choices) + "]";
      }
      String label = Oscal.text(param, "label");
      return "[Assignment: " + (label == null ? id : inserts(label, params, open)) + "]";
    } finally {
      open.remove(id);
    }
  }

  private static List<String> strings(JsonValue value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (JsonValue item : array) {
        if (item instanceof JsonString string) {
          strings.add(string.getString());
        }
      }
    } else if (value instanceof JsonString string) {
      strings.add(string.getString());
    }
    return strings;
  }
}
