package io.regulus.template.imports;

import io.regulus.scoring.Classification;
import io.regulus.template.exchange.ExchangeAction;
import io.regulus.template.exchange.ExchangeControl;
import io.regulus.template.exchange.ImportProblem;
import io.regulus.template.exchange.TemplateHeader;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staged form of a file's items, one JSON object each, as the publishing SQL reads them ({@code
 * jsonb_to_record}): the same member names as the exchange records, and a control's classification
 * points (PRODUCT.md scoring rule 1, from {@link Classification}) from which an action without
 * points of its own takes the strongest.
 */
final class ItemJson {

  static final String ACTION = "ACTION";
  static final String CONTROL = "CONTROL";

  private ItemJson() {}

  static JsonObject action(ExchangeAction action) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("kind", ACTION)
            .add("key", action.key())
            .add("title", action.title())
            .add("type", action.type())
            .add("description", nullToEmpty(action.description()))
            .add("category", action.category())
            .add("managedBy", action.managedBy());
    if (action.points() != null) {
      json.add("points", action.points());
    }
    optional(json, "descriptionTitle", action.descriptionTitle());
    optional(json, "solution", action.solution());
    json.add("dimensions", map(action.dimensions()));
    return json.build();
  }

  static JsonObject control(ExchangeControl control) {
    JsonArrayBuilder keys = Json.createArrayBuilder();
    control.actionKeys().forEach(keys::add);
    return Json.createObjectBuilder()
        .add("kind", CONTROL)
        .add("id", control.id())
        .add("family", control.family())
        .add("title", control.title())
        .add("description", nullToEmpty(control.description()))
        .add("mandatory", control.mandatory())
        .add("nature", control.nature())
        .add(
            "classificationPoints",
            new Classification(Classification.Nature.valueOf(control.nature()), control.mandatory())
                .points())
        .add("actionKeys", keys)
        .build();
  }

  static JsonObject header(TemplateHeader header) {
    JsonArrayBuilder dimensions = Json.createArrayBuilder();
    header.dimensions().forEach(row -> dimensions.add(map(row)));
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("title", header.title())
            .add("regulation", header.regulation())
            .add("attributes", map(header.attributes()))
            .add("dimensions", dimensions);
    optional(json, "description", header.description());
    return json.build();
  }

  static TemplateHeader header(JsonObject json) {
    List<Map<String, String>> dimensions = new ArrayList<>();
    json.getJsonArray("dimensions").forEach(row -> dimensions.add(map(row.asJsonObject())));
    return new TemplateHeader(
        json.getString("title"),
        json.getString("regulation"),
        json.getString("description", null),
        map(json.getJsonObject("attributes")),
        dimensions);
  }

  static JsonObject problem(ImportProblem problem) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("where", problem.where());
    if (problem.row() != null) {
      json.add("row", problem.row());
    }
    optional(json, "column", problem.column());
    optional(json, "value", problem.value());
    return json.add("reason", problem.reason()).build();
  }

  static ImportProblem problem(JsonObject json) {
    return new ImportProblem(
        json.getString("where"),
        json.containsKey("row") ? json.getInt("row") : null,
        json.getString("column", null),
        json.getString("value", null),
        json.getString("reason"));
  }

  static JsonArray problems(List<ImportProblem> problems) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    problems.forEach(problem -> array.add(problem(problem)));
    return array.build();
  }

  static List<ImportProblem> problems(JsonArray array) {
    return array.stream().map(JsonValue::asJsonObject).map(ItemJson::problem).toList();
  }

  private static JsonObject map(Map<String, String> map) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    map.forEach((name, value) -> json.add(name, value == null ? "" : value));
    return json.build();
  }

  static Map<String, String> map(JsonObject json) {
    Map<String, String> map = new LinkedHashMap<>();
    json.forEach((name, value) -> map.put(name, ((jakarta.json.JsonString) value).getString()));
    return map;
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
