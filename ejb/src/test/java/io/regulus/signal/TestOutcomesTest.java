package io.regulus.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.scoring.TestStatus;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every branch of a test rule's outcome (docs/signals.md, "The sweep and overrides"). */
class TestOutcomesTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final Instant FRESH = NOW.minus(Duration.ofDays(1));
  private static final Instant STALE = NOW.minus(Duration.ofDays(8));

  private static final TestRule ALL_TRUE =
      new TestRule(
          "mfa.admins.enforced", "value == true", 1.0, Duration.ofDays(7), TestRule.Risk.HIGH);
  private static final TestRule NINETY =
      new TestRule(
          "storage.encrypted", "value == true", 0.9, Duration.ofDays(7), TestRule.Risk.MEDIUM);

  private static long ids = 100;

  private static RecordedSignal signal(String resource, JsonValue value, Instant at) {
    return new RecordedSignal(ids++, "k.k", resource, value, at, "scanner");
  }

  @Test
  void noSignalOfTheKeyEverIsToBeDetected() {
    TestOutcome outcome = TestOutcomes.outcome(ALL_TRUE, List.of(), NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.TO_BE_DETECTED);
    assertThat(outcome.signalIds()).isEmpty();
    assertThat(outcome.measured()).isNull();
    assertThat(outcome.passedFraction()).isNull();
    assertThat(outcome.explanation()).contains("No signal mfa.admins.enforced");
  }

  @Test
  void signalsAllOlderThanTheWindowCouldNotBeDetectedAndNameTheStaleSignals() {
    RecordedSignal a = signal("admin-a", JsonValue.TRUE, STALE);
    RecordedSignal b = signal("admin-b", JsonValue.TRUE, STALE.minusSeconds(60));
    TestOutcome outcome = TestOutcomes.outcome(ALL_TRUE, List.of(a, b), NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.COULD_NOT_BE_DETECTED);
    assertThat(outcome.signalIds()).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(outcome.explanation())
        .contains("older than 7 days", "2 resources", STALE.toString());
  }

  @Test
  void aSignalExactlyAtTheWindowsEdgeIsStillFresh() {
    RecordedSignal edge = signal("admin-a", JsonValue.TRUE, NOW.minus(Duration.ofDays(7)));
    assertThat(TestOutcomes.outcome(ALL_TRUE, List.of(edge), NOW).status())
        .isEqualTo(TestStatus.PASSED);
  }

  @Test
  void freshSignalsAllUndeterminedCouldNotBeDetected() {
    RecordedSignal a = signal("admin-a", JsonValue.NULL, FRESH);
    RecordedSignal b = signal("admin-b", JsonValue.TRUE, STALE);
    TestOutcome outcome = TestOutcomes.outcome(ALL_TRUE, List.of(a, b), NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.COULD_NOT_BE_DETECTED);
    assertThat(outcome.signalIds()).containsExactly(a.id());
    assertThat(outcome.explanation()).contains("undetermined", "admin-a", "Left out", "admin-b");
  }

  @Test
  void everyFreshResourceMeetingTheRulePassesAndStaleOnesAreLeftOut() {
    RecordedSignal a = signal("admin-a", JsonValue.TRUE, FRESH);
    RecordedSignal b = signal("admin-b", JsonValue.TRUE, FRESH);
    RecordedSignal old = signal("admin-c", JsonValue.FALSE, STALE);
    TestOutcome outcome = TestOutcomes.outcome(ALL_TRUE, List.of(a, b, old), NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.PASSED);
    assertThat(outcome.measured()).isEqualTo(1.0);
    assertThat(outcome.passedFraction()).isNull();
    assertThat(outcome.signalIds()).containsExactly(a.id(), b.id());
    assertThat(outcome.explanation())
        .contains("2 of 2 fresh resources of mfa.admins.enforced meet 'value == true'", "passed")
        .contains("Left out as older than 7 days: admin-c");
  }

  @Test
  void aFractionAtOrAboveAtLeastPassesShowingTheFractionMeasured() {
    List<RecordedSignal> signals = new java.util.ArrayList<>();
    for (int i = 0; i < 9; i++) {
      signals.add(signal("bucket-" + i, JsonValue.TRUE, FRESH));
    }
    signals.add(signal("bucket-9", JsonValue.FALSE, FRESH));
    TestOutcome outcome = TestOutcomes.outcome(NINETY, signals, NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.PASSED);
    assertThat(outcome.measured()).isEqualTo(0.9);
    assertThat(outcome.explanation()).contains("90 %", "Not met: bucket-9 = false");
  }

  @Test
  void aFractionBelowAtLeastIsPartiallyTestedWithThePassedFraction() {
    List<RecordedSignal> signals =
        List.of(
            signal("bucket-a", JsonValue.TRUE, FRESH),
            signal("bucket-b", JsonValue.TRUE, FRESH),
            signal("bucket-c", JsonValue.FALSE, FRESH));
    TestOutcome outcome = TestOutcomes.outcome(NINETY, signals, NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.PARTIALLY_TESTED);
    assertThat(outcome.passedFraction()).isEqualByComparingTo(new BigDecimal("0.6667"));
    assertThat(outcome.explanation())
        .contains("2 of 3", "66.7 %", "90 % needed", "partially tested");
  }

  @Test
  void noResourceMeetingTheRuleFailsWithTheRulesRisk() {
    RecordedSignal a = signal("admin-a", JsonValue.FALSE, FRESH);
    assertThat(TestOutcomes.outcome(ALL_TRUE, List.of(a), NOW).status())
        .isEqualTo(TestStatus.FAILED_HIGH_RISK);
    assertThat(TestOutcomes.outcome(NINETY, List.of(a), NOW).status())
        .isEqualTo(TestStatus.FAILED_MEDIUM_RISK);
    TestRule low = new TestRule("k.k", "value == true", 1.0, Duration.ofDays(7), TestRule.Risk.LOW);
    assertThat(TestOutcomes.outcome(low, List.of(a), NOW).status())
        .isEqualTo(TestStatus.FAILED_LOW_RISK);
  }

  @Test
  void anUndeterminedValueNeverPassesButCountsInTheFraction() {
    RecordedSignal a = signal("admin-a", JsonValue.TRUE, FRESH);
    RecordedSignal b = signal("admin-b", JsonValue.NULL, FRESH);
    TestOutcome outcome = TestOutcomes.outcome(ALL_TRUE, List.of(a, b), NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.PARTIALLY_TESTED);
    assertThat(outcome.measured()).isEqualTo(0.5);
    assertThat(outcome.signalIds()).containsExactly(a.id(), b.id());
    assertThat(outcome.explanation()).contains("Undetermined: admin-b");
  }

  @Test
  void anExpressionFailingOnAValueOfAnotherTypeFailsThatResourceAndIsNamed() {
    TestRule atLeast =
        new TestRule("tls.min_version", "value >= 1.2", 1.0, Duration.ofDays(7), TestRule.Risk.LOW);
    RecordedSignal good = signal("web-a", Json.createValue(1.3), FRESH);
    RecordedSignal text = signal("web-b", Json.createValue("TLS1.3"), FRESH);
    TestOutcome outcome = TestOutcomes.outcome(atLeast, List.of(good, text), NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.PARTIALLY_TESTED);
    assertThat(outcome.passedFraction()).isEqualByComparingTo("0.5");
    assertThat(outcome.explanation()).contains("The expression failed on web-b", "\"TLS1.3\"");
  }

  @Test
  void theExpressionSeesTheResourceAndStringValues() {
    TestRule named =
        new TestRule(
            "backup.policy",
            "value == 'daily' || resource.startsWith('test-')",
            1.0,
            Duration.ofHours(12),
            TestRule.Risk.MEDIUM);
    TestOutcome outcome =
        TestOutcomes.outcome(
            named,
            List.of(
                signal("prod-db", Json.createValue("daily"), NOW.minus(Duration.ofHours(11))),
                signal("test-db", Json.createValue("never"), NOW.minus(Duration.ofHours(1)))),
            NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.PASSED);
    TestOutcome late =
        TestOutcomes.outcome(
            named,
            List.of(signal("prod-db", Json.createValue("daily"), NOW.minus(Duration.ofHours(13)))),
            NOW);
    assertThat(late.status()).isEqualTo(TestStatus.COULD_NOT_BE_DETECTED);
    assertThat(late.explanation()).contains("older than 12 hours");
  }

  @Test
  void aLongListOfResourcesIsNamedInPart() {
    List<RecordedSignal> signals = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      signals.add(signal("bucket-" + (char) ('a' + i), JsonValue.FALSE, FRESH));
    }
    TestOutcome outcome = TestOutcomes.outcome(NINETY, signals, NOW);
    assertThat(outcome.status()).isEqualTo(TestStatus.FAILED_MEDIUM_RISK);
    assertThat(outcome.explanation())
        .contains("bucket-e = false and 7 more")
        .doesNotContain("bucket-f");
    assertThat(outcome.signalIds()).hasSize(12);
  }
}
