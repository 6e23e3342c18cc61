package io.regulus.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.regulus.problem.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard and filtered views computed from one tenant's units. */
class DashboardTest {

  private static final ScoredAction MFA =
      new ScoredAction(
          "mfa",
          27,
          ActionType.TECHNICAL,
          ManagedBy.CUSTOMER,
          "Control access",
          "Identity provider");
  private static final ScoredAction POLICY =
      new ScoredAction(
          "policy",
          3,
          ActionType.DOCUMENTATION,
          ManagedBy.CUSTOMER,
          "Manage compliance",
          "Policies");
  private static final ScoredAction DATACENTRE =
      new ScoredAction(
          "datacentre",
          9,
          ActionType.OPERATIONAL,
          ManagedBy.PROVIDER,
          "Infrastructure cloud",
          null);

  private static TenantScoring scoring() {
    ScoringInput input =
        new ScoringInput(
            Map.of("mfa", MFA, "policy", POLICY, "datacentre", DATACENTRE),
            List.of(
                new ScoringInput.Assessment(
                    "1",
                    "GDPR",
                    "GDPR",
                    "FY",
                    List.of(new ScoringInput.Control("A", List.of("mfa", "policy")))),
                new ScoringInput.Assessment(
                    "2",
                    "HIPAA",
                    "HIPAA",
                    "EU",
                    List.of(new ScoringInput.Control("B", List.of("policy", "datacentre"))))),
            Map.of(
                new ScoringInput.Instance("policy", "FY"),
                new ActionState(ImplementationStatus.IMPLEMENTED, TestStatus.PASSED, 0)));
    return new TenantScoring(
        ScoringEngine.score(input),
        Map.of("mfa", "Enforce MFA"),
        Map.of(new ScoringInput.Instance("mfa", null), 7L));
  }

  @Test
  void yourPointsAndTheProvidersAddUpToTheOverallScore() {
    Dashboard dashboard = Dashboard.of(scoring(), 10);
    // units: mfa 0/27, policy@FY 3/3, policy@EU 0/3, datacentre 9/9
    assertThat(dashboard.overall()).isEqualTo(new Score(12, 42));
    assertThat(dashboard.yours()).isEqualTo(new Score(3, 33));
    assertThat(dashboard.provider()).isEqualTo(new Score(9, 9));
    assertThat(dashboard.byRegulation())
        .extracting(Dashboard.Entry::name)
        .containsExactly("GDPR", "HIPAA");
    // a group's score holds the tenant-wide actions its assessments need: FY mfa 0/27 + policy 3/3,
    // EU policy
    // 0/3 + datacentre 9/9
    assertThat(dashboard.byGroup())
        .containsExactly(
            new Dashboard.Entry("EU", new Score(9, 12)),
            new Dashboard.Entry("FY", new Score(3, 30)));
    assertThat(dashboard.byAssessment())
        .extracting(Dashboard.AssessmentEntry::id)
        .containsExactly(2L, 1L);
  }

  @Test
  void keyActionsComeByImpactAndSolutionsWithWhatIsOpen() {
    Dashboard dashboard = Dashboard.of(scoring(), 1);
    assertThat(dashboard.keyActions())
        .singleElement()
        .satisfies(
            action -> {
              assertThat(action.key()).isEqualTo("mfa");
              assertThat(action.instanceId()).isEqualTo(7L);
              assertThat(action.title()).isEqualTo("Enforce MFA");
              assertThat(action.scoreAfter()).isEqualTo(39.0 / 42);
            });
    assertThat(dashboard.solutions())
        .containsExactly(
            new Dashboard.SolutionEntry("Identity provider", 1, 27),
            new Dashboard.SolutionEntry("Policies", 1, 3));
  }

  @Test
  void aFilterKeepsItsUnitsAndRefusesUnknownValues() {
    TenantScores scores = scoring().scores();
    assertThat(
            scores.filtered(
                ScoreFilter.of(null, null, null, "documentation", null, null).predicate()))
        .isEqualTo(new Score(3, 6));
    assertThat(scores.filtered(ScoreFilter.of("HIPAA", null, null, null, null, " ").predicate()))
        .isEqualTo(new Score(9, 12));
    assertThat(scores.filtered(ScoreFilter.of(null, null, null, null, "FY", null).predicate()))
        .isEqualTo(new Score(3, 30));
    assertThat(
            catchThrowableOfType(
                    () -> ScoreFilter.of(null, null, null, "legal", null, null),
                    InvalidInputException.class)
                .violations()
                .get(0)
                .field())
        .isEqualTo("type");
  }
}
