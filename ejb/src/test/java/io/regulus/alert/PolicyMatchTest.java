package io.regulus.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.access.TenantRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyMatchTest {

  private static final long ACTION = 7;
  private static final String CATEGORY = "Control access";
  private static final List<Long> ASSESSMENTS = List.of(3L, 4L);

  static AlertPolicy policy(AlertKind kind, PolicyScope scope, boolean enabled, Set<String> to) {
    return new AlertPolicy(
        1,
        kind.name(),
        kind,
        Severity.LOW,
        null,
        null,
        null,
        to,
        scope,
        enabled,
        Set.of(TenantRole.ADMIN),
        false,
        false,
        Instant.EPOCH,
        "test");
  }

  static AlertPolicy score(String threshold, ThresholdUnit unit, ScoreDirection direction) {
    return new AlertPolicy(
        2,
        "score",
        AlertKind.SCORE_CHANGE,
        Severity.HIGH,
        new BigDecimal(threshold),
        unit,
        direction,
        Set.of(),
        PolicyScope.TENANT,
        true,
        Set.of(TenantRole.ADMIN),
        false,
        false,
        Instant.EPOCH,
        "test");
  }

  private static PolicyMatch.Changed change(String field, String newValue) {
    return new PolicyMatch.Changed(ACTION, CATEGORY, ASSESSMENTS, field, newValue);
  }

  @Test
  void eachChangeKindRaisesItsOwnPoliciesOnly() {
    AlertPolicy assignment =
        policy(AlertKind.ASSIGNMENT_CHANGE, PolicyScope.TENANT, true, Set.of());
    AlertPolicy implementation =
        policy(AlertKind.IMPLEMENTATION_STATUS_CHANGE, PolicyScope.TENANT, true, Set.of());
    AlertPolicy test = policy(AlertKind.TEST_STATUS_CHANGE, PolicyScope.TENANT, true, Set.of());
    AlertPolicy evidence = policy(AlertKind.EVIDENCE_CHANGE, PolicyScope.TENANT, true, Set.of());
    AlertPolicy expiring = policy(AlertKind.EVIDENCE_EXPIRING, PolicyScope.TENANT, true, Set.of());
    List<AlertPolicy> all = List.of(assignment, implementation, test, evidence, expiring);

    assertThat(PolicyMatch.raisedBy(all, change("assignee", "bob"))).containsExactly(assignment);
    assertThat(PolicyMatch.raisedBy(all, change("tester", null))).containsExactly(assignment);
    assertThat(PolicyMatch.raisedBy(all, change("implementationStatus", "IMPLEMENTED")))
        .containsExactly(implementation);
    assertThat(PolicyMatch.raisedBy(all, change("testStatus", "PASSED"))).containsExactly(test);
    assertThat(PolicyMatch.raisedBy(all, change("evidence", null))).containsExactly(evidence);
    assertThat(PolicyMatch.raisedBy(all, change("notes", "x"))).isEmpty();
    assertThat(PolicyMatch.raisedBy(all, change("dueDate", "2030-01-01"))).isEmpty();
  }

  @Test
  void aDisabledPolicyRaisesNothing() {
    AlertPolicy off = policy(AlertKind.TEST_STATUS_CHANGE, PolicyScope.TENANT, false, Set.of());
    assertThat(PolicyMatch.raisedBy(List.of(off), change("testStatus", "PASSED"))).isEmpty();
    AlertPolicy score = score("5", ThresholdUnit.POINTS, ScoreDirection.DROP);
    AlertPolicy scoreOff =
        new AlertPolicy(
            2,
            "s",
            AlertKind.SCORE_CHANGE,
            Severity.HIGH,
            new BigDecimal("5"),
            ThresholdUnit.POINTS,
            ScoreDirection.DROP,
            Set.of(),
            PolicyScope.TENANT,
            false,
            Set.of(TenantRole.ADMIN),
            false,
            false,
            Instant.EPOCH,
            "t");
    PolicyMatch.ScoreLine before = new PolicyMatch.ScoreLine(50, 100);
    PolicyMatch.ScoreLine after = new PolicyMatch.ScoreLine(40, 100);
    assertThat(PolicyMatch.scoreMove(score, before, after)).contains(-10.0);
    assertThat(PolicyMatch.scoreMove(scoreOff, before, after)).isEmpty();
  }

  @Test
  void aPolicyRaisesOnlyInsideItsScope() {
    PolicyScope assessment = new PolicyScope(PolicyScope.Kind.ASSESSMENT, 4L, null, null);
    PolicyScope otherAssessment = new PolicyScope(PolicyScope.Kind.ASSESSMENT, 9L, null, null);
    PolicyScope category = new PolicyScope(PolicyScope.Kind.CATEGORY, null, CATEGORY, null);
    PolicyScope otherCategory = new PolicyScope(PolicyScope.Kind.CATEGORY, null, "Other", null);
    PolicyScope action = new PolicyScope(PolicyScope.Kind.ACTION, null, null, ACTION);
    PolicyScope otherAction = new PolicyScope(PolicyScope.Kind.ACTION, null, null, 8L);
    List<AlertPolicy> inside =
        List.of(PolicyScope.TENANT, assessment, category, action).stream()
            .map(s -> policy(AlertKind.EVIDENCE_CHANGE, s, true, Set.of()))
            .toList();
    List<AlertPolicy> outside =
        List.of(otherAssessment, otherCategory, otherAction).stream()
            .map(s -> policy(AlertKind.EVIDENCE_CHANGE, s, true, Set.of()))
            .toList();
    List<AlertPolicy> all = new java.util.ArrayList<>(inside);
    all.addAll(outside);
    assertThat(PolicyMatch.raisedBy(all, change("evidence", "link #1 x")))
        .containsExactlyElementsOf(inside);
  }

  @Test
  void aStatusChangeNamingStatusesRaisesOnlyOnThose() {
    AlertPolicy failed =
        policy(
            AlertKind.TEST_STATUS_CHANGE,
            PolicyScope.TENANT,
            true,
            Set.of("FAILED_LOW_RISK", "FAILED_MEDIUM_RISK", "FAILED_HIGH_RISK"));
    assertThat(PolicyMatch.raisedBy(List.of(failed), change("testStatus", "FAILED_HIGH_RISK")))
        .containsExactly(failed);
    assertThat(PolicyMatch.raisedBy(List.of(failed), change("testStatus", "PASSED"))).isEmpty();
  }

  @Test
  void aScoreMoveRaisesFromItsThresholdInItsDirection() {
    PolicyMatch.ScoreLine fifty = new PolicyMatch.ScoreLine(50, 100);
    PolicyMatch.ScoreLine fortyFive = new PolicyMatch.ScoreLine(45, 100);
    PolicyMatch.ScoreLine fortySix = new PolicyMatch.ScoreLine(46, 100);
    AlertPolicy drop = score("5", ThresholdUnit.POINTS, ScoreDirection.DROP);
    assertThat(PolicyMatch.scoreMove(drop, fifty, fortyFive)).contains(-5.0);
    assertThat(PolicyMatch.scoreMove(drop, fifty, fortySix)).isEmpty();
    assertThat(PolicyMatch.scoreMove(drop, fortyFive, fifty)).isEmpty();
    AlertPolicy rise = score("5", ThresholdUnit.POINTS, ScoreDirection.RISE);
    assertThat(PolicyMatch.scoreMove(rise, fortyFive, fifty)).contains(5.0);
    assertThat(PolicyMatch.scoreMove(rise, fifty, fortyFive)).isEmpty();
    AlertPolicy either = score("5", ThresholdUnit.POINTS, ScoreDirection.EITHER);
    assertThat(PolicyMatch.scoreMove(either, fifty, fortyFive)).isPresent();
    assertThat(PolicyMatch.scoreMove(either, fortyFive, fifty)).isPresent();
  }

  @Test
  void aPercentThresholdCountsPercentagePointsOfTheScore() {
    AlertPolicy tenPercent = score("10", ThresholdUnit.PERCENT, ScoreDirection.DROP);
    // 40 of 100 to 60 of 200: 20 more points, but 40 % to 30 %: a drop of 10 percentage points
    assertThat(
            PolicyMatch.scoreMove(
                tenPercent, new PolicyMatch.ScoreLine(40, 100), new PolicyMatch.ScoreLine(60, 200)))
        .hasValueSatisfying(
            move -> assertThat(move).isCloseTo(-10.0, org.assertj.core.data.Offset.offset(1e-9)));
    assertThat(
            PolicyMatch.scoreMove(
                tenPercent, new PolicyMatch.ScoreLine(40, 100), new PolicyMatch.ScoreLine(31, 100)))
        .isEmpty();
    assertThat(
            PolicyMatch.scoreMove(
                tenPercent, new PolicyMatch.ScoreLine(0, 0), new PolicyMatch.ScoreLine(0, 0)))
        .isEmpty();
  }
}
