package io.regulus.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test rule's JSON, and its expression compiled by CEL. */
class TestRuleTest {

  @Test
  void aStoredRuleIsEvaluatedWithItsDefaults() {
    TestRule rule =
        TestRule.parse(
            "{\"signal\":\"mfa.admins.enforced\",\"expect\":\"value == true\",\"risk\":\"HIGH\"}");
    assertThat(rule)
        .isEqualTo(
            new TestRule(
                "mfa.admins.enforced",
                "value == true",
                1.0,
                Duration.ofDays(7),
                TestRule.Risk.HIGH));
  }

  @Test
  void aStoredRuleGivesEveryField() {
    TestRule rule =
        TestRule.parse(
            "{\"signal\":\"storage.encrypted\",\"expect\":\"value\",\"atLeast\":0.9,"
                + "\"freshness\":\"PT12H\",\"risk\":\"low\"}");
    assertThat(rule.atLeast()).isEqualTo(0.9);
    assertThat(rule.freshness()).isEqualTo(Duration.ofHours(12));
    assertThat(rule.risk()).isEqualTo(TestRule.Risk.LOW);
  }

  @Test
  void theOneCheckOfARuleRefusesAnExpressionCelCannotCompile() {
    List<Violation> faults = new ArrayList<>();
    RuleDefinition checked =
        RuleDefinition.check(
            "actions[0].test",
            new RuleDefinition("storage.encrypted", "value +", null, null, "HIGH"),
            RuleDefinition.Keys.ANY,
            null,
            faults);
    assertThat(checked).isNull();
    assertThat(faults).extracting(Violation::field).containsExactly("actions[0].test.expect");
    assertThat(faults.get(0).rule()).contains("mismatched input");
  }

  @Test
  void anExpressionThatDoesNotCompileIsRefusedWithTheCompilersMessage() {
    assertThat(Expectation.fault("value ==")).get().asString().contains("mismatched input");
    assertThat(Expectation.fault("valu == true")).get().asString().contains("undeclared reference");
    assertThatThrownBy(() -> Expectation.compile("value == 1 +"))
        .isInstanceOf(InvalidExpectationException.class)
        .extracting(e -> ((InvalidExpectationException) e).violations().get(0).field())
        .isEqualTo("test.expect");
  }

  @Test
  void anExpressionThatDoesNotGiveABoolIsRefused() {
    assertThat(Expectation.fault("resource + 'x'")).get().asString().contains("bool");
    assertThat(Expectation.fault("1 + 2")).isPresent();
    assertThat(Expectation.fault("value == true && resource != ''")).isEmpty();
  }

  @Test
  void oneExpressionIsCompiledOnce() {
    assertThat(Expectation.compile("value == 'on'")).isSameAs(Expectation.compile("value == 'on'"));
  }
}
