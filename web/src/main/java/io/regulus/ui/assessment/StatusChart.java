package io.regulus.ui.assessment;

import io.regulus.scoring.ControlStatus;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The control-status breakdown as a Chart.js configuration for {@code p:chart}: a doughnut, one
 * slice per status, labelled in the page's language, in colours that tell the statuses apart. The
 * table beside it is its legend.
 */
final class StatusChart {

  private static final Map<ControlStatus, String> COLOURS =
      Map.of(
          ControlStatus.PASSED, "#1a7f37",
          ControlStatus.FAILED, "#b42318",
          ControlStatus.IN_PROGRESS, "#0b5cad",
          ControlStatus.NONE, "#9aa5b1",
          ControlStatus.OUT_OF_SCOPE, "#6b4fbb");

  private StatusChart() {}

  static String doughnut(List<AssessmentPage.Slice> slices) {
    ResourceBundle text = AssessmentTexts.get();
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    for (AssessmentPage.Slice slice : slices) {
      labels.add(text.getString("control." + slice.status().name()));
      counts.add(slice.controls());
      colours.add(COLOURS.get(slice.status()));
    }
    return Json.createObjectBuilder()
        .add("type", "doughnut")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("data", counts)
                                .add("backgroundColor", colours))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", false))))
        .build()
        .toString();
  }
}
