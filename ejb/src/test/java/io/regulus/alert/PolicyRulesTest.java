package io.regulus.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.regulus.access.TenantRole;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyRulesTest {

  private static PolicyDraft draft(
      String kind, BigDecimal threshold, String unit, String scope, Long assessment) {
    return new PolicyDraft(
        "A policy",
        kind,
        "MEDIUM",
        threshold,
        unit,
        null,
        List.of(),
        scope,
        assessment,
        null,
        null,
        null,
        List.of("admin"),
        false,
        false);
  }

  private static List<String> faults(PolicyDraft draft) {
    InvalidInputException e =
        catchThrowableOfType(
            () -> PolicyRules.check(0, draft, Instant.EPOCH, "t"), InvalidInputException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.kind()).isEqualTo(ProblemKind.RULE_VIOLATED);
    return e.violations().stream().map(Violation::field).toList();
  }

  @Test
  void aScoreChangeKeepsItsThresholdAndDropsByDefaultEnabled() {
    AlertPolicy policy =
        PolicyRules.check(
            0,
            draft("score_change", new BigDecimal("5"), "POINTS", "ASSESSMENT", 4L),
            Instant.EPOCH,
            "t");
    assertThat(policy.kind()).isEqualTo(AlertKind.SCORE_CHANGE);
    assertThat(policy.direction()).isEqualTo(ScoreDirection.DROP);
    assertThat(policy.enabled()).isTrue();
    assertThat(policy.scope())
        .isEqualTo(new PolicyScope(PolicyScope.Kind.ASSESSMENT, 4L, null, null));
    assertThat(policy.recipientRoles()).containsExactly(TenantRole.ADMIN);
  }

  @Test
  void anUnknownKindSeverityAndRoleAreEachNamed() {
    PolicyDraft bad =
        new PolicyDraft(
            " ",
            "SCORE_JUMP",
            "URGENT",
            null,
            null,
            null,
            List.of(),
            "PLANET",
            null,
            null,
            null,
            null,
            List.of("boss"),
            false,
            false);
    assertThat(faults(bad))
        .containsExactlyInAnyOrder("name", "kind", "severity", "scope", "recipientRoles[0]");
  }

  @Test
  void thresholdsOutOfRangeAreRefused() {
    assertThat(faults(draft("SCORE_CHANGE", new BigDecimal("0"), "POINTS", null, null)))
        .containsExactly("threshold");
    assertThat(faults(draft("SCORE_CHANGE", new BigDecimal("101"), "PERCENT", null, null)))
        .containsExactly("threshold");
    assertThat(faults(draft("SCORE_CHANGE", null, "POINTS", null, null)))
        .containsExactly("threshold");
    assertThat(faults(draft("SCORE_CHANGE", new BigDecimal("5"), "DAYS", null, null)))
        .containsExactly("unit");
    assertThat(faults(draft("EVIDENCE_EXPIRING", new BigDecimal("0"), null, null, null)))
        .containsExactly("threshold");
    assertThat(faults(draft("EVIDENCE_EXPIRING", new BigDecimal("366"), null, null, null)))
        .containsExactly("threshold");
    assertThat(faults(draft("EVIDENCE_EXPIRING", new BigDecimal("1.5"), null, null, null)))
        .containsExactly("threshold");
    assertThat(faults(draft("EVIDENCE_CHANGE", new BigDecimal("3"), null, null, null)))
        .containsExactly("threshold");
  }

  @Test
  void aScopeNeedsItsOwnFieldAndNoOther() {
    assertThat(faults(draft("EVIDENCE_CHANGE", null, null, "ASSESSMENT", null)))
        .containsExactly("assessmentId");
    assertThat(faults(draft("EVIDENCE_CHANGE", null, null, "TENANT", 4L)))
        .containsExactly("assessmentId");
    assertThat(faults(draft("EVIDENCE_CHANGE", null, null, "ACTION", null)))
        .containsExactly("actionId");
    PolicyDraft scoreOfAnAction =
        new PolicyDraft(
            "A policy",
            "SCORE_CHANGE",
            "HIGH",
            BigDecimal.ONE,
            "POINTS",
            null,
            List.of(),
            "ACTION",
            null,
            null,
            5L,
            null,
            List.of("admin"),
            false,
            false);
    assertThat(faults(scoreOfAnAction)).containsExactly("scope");
  }

  @Test
  void statusesToRaiseOnBelongToTheKind() {
    PolicyDraft good =
        new PolicyDraft(
            "Failed",
            "TEST_STATUS_CHANGE",
            "HIGH",
            null,
            null,
            null,
            List.of("FAILED_HIGH_RISK"),
            null,
            null,
            null,
            null,
            true,
            List.of(),
            false,
            true);
    assertThat(PolicyRules.check(0, good, Instant.EPOCH, "t").toValues())
        .containsExactly("FAILED_HIGH_RISK");
    PolicyDraft wrong =
        new PolicyDraft(
            "Failed",
            "TEST_STATUS_CHANGE",
            "HIGH",
            null,
            null,
            null,
            List.of("IMPLEMENTED"),
            null,
            null,
            null,
            null,
            true,
            List.of(),
            false,
            true);
    assertThat(faults(wrong)).containsExactly("toValues[0]");
    PolicyDraft notStatus =
        new PolicyDraft(
            "Assigned",
            "ASSIGNMENT_CHANGE",
            "LOW",
            null,
            null,
            null,
            List.of("PASSED"),
            null,
            null,
            null,
            null,
            true,
            List.of(),
            true,
            false);
    assertThat(faults(notStatus)).containsExactly("toValues");
  }

  @Test
  void somebodyIsTold() {
    PolicyDraft nobody =
        new PolicyDraft(
            "Quiet",
            "EVIDENCE_CHANGE",
            "LOW",
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            true,
            List.of(),
            false,
            false);
    assertThat(faults(nobody)).containsExactly("recipientRoles");
  }
}
