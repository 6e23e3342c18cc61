package io.regulus.ui.chart;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The Chart.js configurations {@code p:chart} takes as its value, one place for every chart of the
 * UI: no animation (a chart is complete as soon as its page is), no legend (each chart stands
 * beside a table that names its parts, for every reader), the size of its container.
 */
public final class ChartConfig {

  /** One bar or slice: its label, its value and its colour (a CSS colour). */
  public record Part(String label, Number value, String colour) {}

  private ChartConfig() {}

  /** A doughnut, one slice per part. */
  public static String doughnut(List<Part> parts) {
    return chart("doughnut", parts, null, options()).build().toString();
  }

  /** Horizontal bars on a scale from 0 to {@code max}, the series named {@code label}. */
  public static String horizontalBars(List<Part> parts, String label, int max) {
    JsonObjectBuilder options =
        options()
            .add("indexAxis", "y")
            .add(
                "scales",
                Json.createObjectBuilder()
                    .add("x", Json.createObjectBuilder().add("min", 0).add("max", max)));
    return chart("bar", parts, label, options).build().toString();
  }

  /**
   * A line of percentages over days, the series named {@code label}: one point per label, a null
   * value spanned by the line. The scale starts at 0 and ends at the next ten above the highest
   * value (at most 100), so that a low score's moves show.
   */
  public static String percentLine(List<String> labels, List<Double> values, String label) {
    JsonArrayBuilder days = Json.createArrayBuilder();
    labels.forEach(days::add);
    JsonArrayBuilder points = Json.createArrayBuilder();
    for (Double value : values) {
      if (value == null) {
        points.addNull();
      } else {
        points.add(Json.createValue(value));
      }
    }
    double highest =
        values.stream()
            .filter(value -> value != null)
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(0);
    int top = (int) Math.min(100, 10 * (Math.floor(highest / 10) + 1));
    JsonObjectBuilder options =
        options()
            .add(
                "scales",
                Json.createObjectBuilder()
                    .add(
                        "x",
                        Json.createObjectBuilder()
                            .add(
                                "ticks",
                                Json.createObjectBuilder()
                                    .add("maxTicksLimit", 8)
                                    .add("maxRotation", 0)))
                    .add("y", Json.createObjectBuilder().add("min", 0).add("max", top)));
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", days)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", label)
                                .add("data", points)
                                .add("borderColor", "#0b5cad")
                                .add("backgroundColor", "#0b5cad")
                                .add("pointRadius", 3)
                                .add("spanGaps", true))))
        .add("options", options)
        .build()
        .toString();
  }

  /** The height of a horizontal bar chart of that many bars, as a style attribute. */
  public static String barsHeight(int bars) {
    return "height: " + (48 + 30 * Math.max(bars, 1)) + "px";
  }

  private static JsonObjectBuilder chart(
      String type, List<Part> parts, String label, JsonObjectBuilder options) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    for (Part part : parts) {
      labels.add(part.label());
      values.add(Json.createValue(part.value().doubleValue()));
      colours.add(part.colour());
    }
    JsonObjectBuilder dataset =
        Json.createObjectBuilder().add("data", values).add("backgroundColor", colours);
    if (label != null) {
      dataset.add("label", label);
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add("datasets", Json.createArrayBuilder().add(dataset)))
        .add("options", options);
  }

  private static JsonObjectBuilder options() {
    return Json.createObjectBuilder()
        .add("responsive", true)
        .add("maintainAspectRatio", false)
        .add("animation", false)
        .add(
            "plugins",
            Json.createObjectBuilder()
                .add("legend", Json.createObjectBuilder().add("display", false)));
  }
}
