package io.regulus.ui.dashboard;

import io.regulus.api.score.ScoreView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.function.Function;

/**
 * A breakdown as a horizontal bar chart of percentages: the Chart.js configuration {@code p:chart}
 * takes as its value. No animation, so the chart is complete as soon as the page is.
 */
final class BreakdownChart {

  private static final String BAR = "#0b5cad";

  private BreakdownChart() {}

  static <T> String of(
      List<T> lines, Function<T, String> name, Function<T, ScoreView> score, String label) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (T line : lines) {
      labels.add(name.apply(line));
      values.add(score.apply(line).percent());
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", label)
                                .add("data", values)
                                .add("backgroundColor", BAR))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("indexAxis", "y")
                .add("animation", false)
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", false)))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("x", Json.createObjectBuilder().add("min", 0).add("max", 100))))
        .build()
        .toString();
  }

  /** The chart's height for that many bars. */
  static String style(int bars) {
    return "height: " + (48 + 30 * Math.max(bars, 1)) + "px";
  }
}
