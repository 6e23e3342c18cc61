package io.regulus.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every worked case of the shared {@code scoring-cases.json} (the scoring contract,
 * docs/scoring.md), from the copy in this module's test resources; {@link
 * #theCopyIsInStepWithTheSharedFile()} keeps the copy honest where the shared file is reachable.
 */
class ScoringCasesTest {

  private static final String CASES = "/scoring/scoring-cases.json";
  private static final double TOLERANCE = 1e-9;

  @TestFactory
  Stream<DynamicTest> everyCaseScoresAsExpected() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonValue value : read().getJsonArray("cases")) {
      JsonObject testCase = value.asJsonObject();
      tests.add(DynamicTest.dynamicTest(testCase.getString("name"), () -> check(testCase)));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(11);
    return tests.stream();
  }

  @Test
  void theCopyIsInStepWithTheSharedFile() throws IOException {
    Path shared = Path.of("..", "..", "shared", "data", "scoring", "scoring-cases.json");
    if (Files.exists(shared)) {
      try (InputStream copy = getClass().getResourceAsStream(CASES)) {
        assertThat(new String(copy.readAllBytes())).isEqualTo(Files.readString(shared));
      }
    }
  }

  private static void check(JsonObject testCase) {
    TenantScores scores = ScoringEngine.score(input(testCase));
    JsonObject expected = testCase.getJsonObject("expected");

    JsonObject tenant = expected.getJsonObject("tenant");
    assertScore(scores.tenant(), tenant, "achieved", "possible", "tenant");
    if (tenant.containsKey("providerAchieved")) {
      assertScore(scores.provider(), tenant, "providerAchieved", "providerPossible", "provider");
    }
    // the explanation of the tenant score sums to it
    Score explained =
        scores.explain(unit -> true).stream()
            .map(unit -> new Score(unit.achieved(), unit.possible()))
            .reduce(Score.ZERO, Score::plus);
    assertThat(explained.achieved()).isCloseTo(scores.tenant().achieved(), within(TOLERANCE));
    assertThat(explained.possible()).isCloseTo(scores.tenant().possible(), within(TOLERANCE));

    expected
        .getJsonObject("assessments")
        .forEach(
            (name, value) -> {
              JsonObject want = value.asJsonObject();
              AssessmentScore got = scores.assessments().get(name);
              assertThat(got).as("assessment " + name).isNotNull();
              assertScore(got.score(), want, "achieved", "possible", name);
              if (want.containsKey("status")) {
                assertThat(got.status().name())
                    .as(name + " status")
                    .isEqualTo(want.getString("status"));
              }
              if (want.containsKey("progress")) {
                assertThat(got.progress())
                    .as(name + " progress")
                    .isCloseTo(want.getJsonNumber("progress").doubleValue(), within(TOLERANCE));
              }
              if (want.containsKey("controls")) {
                want.getJsonObject("controls")
                    .forEach(
                        (control, status) ->
                            assertThat(got.controls().get(control).name())
                                .as(name + " control " + control)
                                .isEqualTo(((jakarta.json.JsonString) status).getString()));
              }
            });

    if (expected.containsKey("filtered")) {
      for (JsonValue value : expected.getJsonArray("filtered")) {
        JsonObject filtered = value.asJsonObject();
        assertScore(
            scores.filtered(filter(filtered.getJsonObject("filter"))),
            filtered,
            "achieved",
            "possible",
            "filter " + filtered.getJsonObject("filter"));
      }
    }
  }

  private static Predicate<ScoredUnit> filter(JsonObject filter) {
    Predicate<ScoredUnit> predicate = unit -> true;
    for (String key : filter.keySet()) {
      String wanted = filter.getString(key);
      predicate =
          predicate.and(
              switch (key) {
                case "actionType" ->
                    unit ->
                        unit.action().type() == ActionType.valueOf(wanted.toUpperCase(Locale.ROOT));
                case "group" -> unit -> unit.groups().contains(wanted);
                case "regulation" -> unit -> unit.regulations().contains(wanted);
                case "category" -> unit -> wanted.equals(unit.action().category());
                case "solution" -> unit -> wanted.equals(unit.action().solution());
                default ->
                    throw new IllegalArgumentException(
                        "a filter on " + key + " is not known to this test");
              });
    }
    return predicate;
  }

  private static void assertScore(
      Score score, JsonObject expected, String achieved, String possible, String what) {
    assertThat(score.achieved())
        .as(what + " achieved")
        .isCloseTo(expected.getJsonNumber(achieved).doubleValue(), within(TOLERANCE));
    assertThat(score.possible())
        .as(what + " possible")
        .isCloseTo(expected.getJsonNumber(possible).doubleValue(), within(TOLERANCE));
  }

  private static ScoringInput input(JsonObject testCase) {
    Map<String, ScoredAction> actions = new HashMap<>();
    for (JsonValue value : testCase.getJsonArray("actions")) {
      JsonObject action = value.asJsonObject();
      int points =
          action.containsKey("points")
              ? action.getInt("points")
              : Classification.parse(action.getString("classification")).points();
      actions.put(
          action.getString("key"),
          new ScoredAction(
              action.getString("key"),
              points,
              ActionType.valueOf(action.getString("type").toUpperCase(Locale.ROOT)),
              ManagedBy.valueOf(action.getString("managedBy").toUpperCase(Locale.ROOT)),
              action.getString("category", null),
              action.getString("solution", null)));
    }
    List<ScoringInput.Assessment> assessments = new ArrayList<>();
    for (JsonValue value : testCase.getJsonArray("assessments")) {
      JsonObject assessment = value.asJsonObject();
      List<ScoringInput.Control> controls = new ArrayList<>();
      for (JsonValue control : assessment.getJsonArray("controls")) {
        controls.add(
            new ScoringInput.Control(
                control.asJsonObject().getString("id"),
                control
                    .asJsonObject()
                    .getJsonArray("actions")
                    .getValuesAs(jakarta.json.JsonString.class)
                    .stream()
                    .map(jakarta.json.JsonString::getString)
                    .toList()));
      }
      String name = assessment.getString("name");
      assessments.add(
          new ScoringInput.Assessment(
              name,
              assessment.getString("regulation", name),
              assessment.getString("group"),
              controls));
    }
    Map<ScoringInput.Instance, ActionState> states = new HashMap<>();
    for (JsonValue value : testCase.getJsonArray("status")) {
      JsonObject status = value.asJsonObject();
      String group = status.isNull("group") ? null : status.getString("group");
      states.put(
          new ScoringInput.Instance(status.getString("action"), group),
          new ActionState(
              ImplementationStatus.valueOf(status.getString("implementation")),
              TestStatus.valueOf(status.getString("test")),
              status.containsKey("passedFraction")
                  ? status.getJsonNumber("passedFraction").doubleValue()
                  : 0));
    }
    return new ScoringInput(actions, assessments, states);
  }

  private static JsonObject read() throws IOException {
    try (InputStream in = ScoringCasesTest.class.getResourceAsStream(CASES);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }
}
