package io.regulus.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scoring rules one by one, beside the shared worked cases. */
class ScoringRulesTest {

  private static final ActionState PASSED =
      new ActionState(ImplementationStatus.IMPLEMENTED, TestStatus.PASSED, 0);

  @ParameterizedTest
  @CsvSource({
    "preventative-mandatory, 27", "preventative-discretionary, 9", "detective-mandatory, 3",
    "detective-discretionary, 1", "corrective-mandatory, 3", "corrective-discretionary, 1"
  })
  void classificationGivesThePoints(String classification, int points) {
    assertThat(Classification.parse(classification).points()).isEqualTo(points);
  }

  @Test
  void pointsOutside1To99AreRefused() {
    assertThatThrownBy(() -> action("X", 0, ActionType.TECHNICAL, "c"))
        .hasMessageContaining("1..99");
    assertThatThrownBy(() -> action("X", 100, ActionType.TECHNICAL, "c"))
        .hasMessageContaining("1..99");
  }

  @Test
  void aTechnicalActionInFiveGroupsIsWorth3AndADocumentationActionIsWorth15() {
    Map<ScoringInput.Instance, ActionState> states = new HashMap<>();
    states.put(new ScoringInput.Instance("T", null), PASSED);
    for (int g = 1; g <= 5; g++) {
      states.put(new ScoringInput.Instance("D", "G" + g), PASSED);
    }
    TenantScores scores = ScoringEngine.score(fiveGroups(states));

    assertThat(scores.filtered(unit -> unit.action().key().equals("T")).achieved()).isEqualTo(3);
    assertThat(scores.filtered(unit -> unit.action().key().equals("D")).achieved()).isEqualTo(15);
    assertThat(scores.tenant()).isEqualTo(new Score(18, 18));
  }

  @Test
  void theWhatIfRanksOpenActionsByTheirGainAndScoresByCategorySumToTheTenant() {
    TenantScores scores =
        ScoringEngine.score(fiveGroups(Map.of(new ScoringInput.Instance("T", null), PASSED)));

    List<TenantScores.Impact> impacts = scores.whatIf();
    assertThat(impacts)
        .hasSize(5)
        .allSatisfy(
            impact -> {
              assertThat(impact.unit().action().key()).isEqualTo("D");
              assertThat(impact.gain()).isCloseTo(3.0 / 18, within(1e-12));
            });
    Map<String, Score> byCategory = scores.by(unit -> unit.action().category());
    assertThat(byCategory.get("Protect information")).isEqualTo(new Score(3, 3));
    assertThat(byCategory.get("Manage compliance")).isEqualTo(new Score(0, 15));
  }

  @Test
  void aProviderActionOutOfScopeLeavesBothAchievedAndPossible() {
    ScoredAction provider =
        new ScoredAction("P", 9, ActionType.OPERATIONAL, ManagedBy.PROVIDER, "Infra", null);
    ScoredAction customer =
        new ScoredAction("C", 3, ActionType.TECHNICAL, ManagedBy.CUSTOMER, "Infra", null);
    List<ScoringInput.Assessment> assessments =
        List.of(
            new ScoringInput.Assessment(
                "A",
                "HIPAA",
                "G",
                List.of(
                    new ScoringInput.Control("C1", List.of("P")),
                    new ScoringInput.Control("C2", List.of("P", "C")))));
    Map<String, ScoredAction> actions = Map.of("P", provider, "C", customer);

    TenantScores untouched = ScoringEngine.score(new ScoringInput(actions, assessments, Map.of()));
    assertThat(untouched.tenant()).isEqualTo(new Score(9, 12));
    assertThat(untouched.provider()).isEqualTo(new Score(9, 9));

    for (ActionState outOfScope :
        List.of(
            new ActionState(ImplementationStatus.OUT_OF_SCOPE, TestStatus.NONE, 0),
            new ActionState(ImplementationStatus.IMPLEMENTED, TestStatus.OUT_OF_SCOPE, 0))) {
      TenantScores scores =
          ScoringEngine.score(
              new ScoringInput(
                  actions, assessments, Map.of(new ScoringInput.Instance("P", null), outOfScope)));
      assertThat(scores.tenant()).isEqualTo(new Score(0, 3));
      assertThat(scores.provider()).isEqualTo(Score.ZERO);
      AssessmentScore assessment = scores.assessments().get("A");
      assertThat(assessment.score()).isEqualTo(new Score(0, 3));
      assertThat(assessment.controls())
          .containsEntry("C1", ControlStatus.OUT_OF_SCOPE)
          .containsEntry("C2", ControlStatus.NONE);
    }
  }

  @Test
  void aControlsResponsibilityComesFromItsActions() {
    assertThat(ControlResponsibility.of(List.of(ManagedBy.PROVIDER, ManagedBy.PROVIDER)))
        .isEqualTo(ControlResponsibility.PROVIDER);
    assertThat(ControlResponsibility.of(List.of(ManagedBy.CUSTOMER)))
        .isEqualTo(ControlResponsibility.CUSTOMER);
    assertThat(ControlResponsibility.of(List.of(ManagedBy.CUSTOMER, ManagedBy.PROVIDER)))
        .isEqualTo(ControlResponsibility.SHARED);
    assertThat(ControlResponsibility.of(List.of())).isEqualTo(ControlResponsibility.CUSTOMER);
  }

  @Test
  void aControlMappedToAnUnknownActionIsRefused() {
    assertThatThrownBy(
            () ->
                new ScoringInput(
                    Map.of(),
                    List.of(
                        new ScoringInput.Assessment(
                            "A",
                            "GDPR",
                            "G",
                            List.of(new ScoringInput.Control("C1", List.of("missing"))))),
                    Map.of()))
        .hasMessageContaining("unknown action missing");
  }

  private static ScoringInput fiveGroups(Map<ScoringInput.Instance, ActionState> states) {
    Map<String, ScoredAction> actions =
        Map.of(
            "T", action("T", 3, ActionType.TECHNICAL, "Protect information"),
            "D", action("D", 3, ActionType.DOCUMENTATION, "Manage compliance"));
    List<ScoringInput.Assessment> assessments = new java.util.ArrayList<>();
    for (int g = 1; g <= 5; g++) {
      assessments.add(
          new ScoringInput.Assessment(
              "A" + g,
              "GDPR",
              "G" + g,
              List.of(new ScoringInput.Control("Art.5", List.of("T", "D")))));
    }
    return new ScoringInput(actions, assessments, states);
  }

  private static ScoredAction action(String key, int points, ActionType type, String category) {
    return new ScoredAction(key, points, type, ManagedBy.CUSTOMER, category, null);
  }
}
