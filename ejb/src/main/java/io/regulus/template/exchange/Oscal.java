package io.regulus.template.exchange;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the OSCAL reader and writer share: Regulus' own namespace for the props and parts that carry
 * what OSCAL has no place for (actions, classification), and reading the model's members.
 */
final class Oscal {

  /** The {@code ns} of Regulus' props and parts; OSCAL tools keep them and ignore them. */
  static final String NS = "https://regulus.io/ns/oscal";

  /** The OSCAL namespace, which a prop without {@code ns} is in. */
  static final String OSCAL_NS = "http://csrc.nist.gov/ns/oscal";

  /** The OSCAL version the writer produces. */
  static final String VERSION = "1.1.2";

  private Oscal() {}

  /** A string member, or null when it is missing, not a string or blank. */
  static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value instanceof JsonString string && !string.getString().isBlank()) {
      return string.getString();
    }
    return null;
  }

  /** The objects of an array member, in order; empty when it is missing. */
  static List<JsonObject> objects(JsonObject object, String name) {
    List<JsonObject> objects = new ArrayList<>();
    if (object.get(name) instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonObject item) {
          objects.add(item);
        }
      }
    }
    return objects;
  }

  /**
   * The human label of a control or part: the {@code label} prop without a class ("AC-2(1)"), else
   * the first label prop whatever its class ("AC-02(01)" zero-padded, sp800-53a), else null.
   */
  static String label(JsonObject object) {
    String any = null;
    for (JsonObject prop : objects(object, "props")) {
      if ("label".equals(text(prop, "name")) && inOscal(prop) && text(prop, "value") != null) {
        if (text(prop, "class") == null) {
          return text(prop, "value").strip();
        }
        any = any == null ? text(prop, "value").strip() : any;
      }
    }
    return any;
  }

  /** The values of the props of this name in Regulus' namespace, in order. */
  static List<String> own(JsonObject object, String name) {
    List<String> values = new ArrayList<>();
    for (JsonObject prop : objects(object, "props")) {
      if (NS.equals(text(prop, "ns")) && name.equals(text(prop, "name"))) {
        String value = text(prop, "value");
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
  }

  static String ownOne(JsonObject object, String name) {
    List<String> values = own(object, name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** A part of Regulus' own, by name ("action", "dimension"). */
  static boolean ownPart(JsonObject part, String name) {
    return NS.equals(text(part, "ns")) && name.equals(text(part, "name"));
  }

  /**
   * Where a control says it is withdrawn by its publisher: "props/status" (a status prop
   * "withdrawn", any case) or "class" (the class "withdrawn"); null when it is not withdrawn.
   */
  static String withdrawnBy(JsonObject control) {
    for (JsonObject prop : objects(control, "props")) {
      if ("status".equals(text(prop, "name"))
          && inOscal(prop)
          && "withdrawn".equalsIgnoreCase(String.valueOf(text(prop, "value")).strip())) {
        return "props/status";
      }
    }
    String classes = text(control, "class");
    boolean byClass =
        classes != null
            && List.of(classes.toLowerCase(Locale.ROOT).split("\\s+")).contains("withdrawn");
    return byClass ? "class" : null;
  }

  private static boolean inOscal(JsonObject prop) {
    String ns = text(prop, "ns");
    return ns == null || OSCAL_NS.equals(ns);
  }
}
