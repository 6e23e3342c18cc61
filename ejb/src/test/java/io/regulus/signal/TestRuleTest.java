package io.regulus.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The test rule's JSON, and its expression compiled by CEL. */
class TestRuleTest {

  @Test
  void aRuleTakesItsDefaults() {
    TestRule rule =
        TestRule.parse(
            "{\"signal\":\"mfa.admins.enforced\",\"expect\":\"value == true\",\"risk\":\"HIGH\"}");
    assertThat(rule.atLeast()).isEqualTo(1.0);
    assertThat(rule.freshness()).isEqualTo(Duration.ofDays(7));
    assertThat(rule.risk()).isEqualTo(TestRule.Risk.HIGH);
    assertThat(TestRule.parse(rule.toJson())).isEqualTo(rule);
  }

  @Test
  void aRuleGivesEveryField() {
    TestRule rule =
        TestRule.parse(
            "{\"signal\":\"storage.encrypted\",\"expect\":\"value\",\"atLeast\":0.9,"
                + "\"freshness\":\"PT12H\",\"risk\":\"LOW\"}");
    assertThat(rule.atLeast()).isEqualTo(0.9);
    assertThat(rule.freshness()).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void aWrongRuleIsRefusedNamingEveryField() {
    assertThatThrownBy(
            () ->
                TestRule.parse(
                    "{\"signal\":\"MFA\",\"expect\":\"value +\",\"atLeast\":1.5,"
                        + "\"freshness\":\"a week\",\"risk\":\"SEVERE\",\"extra\":1}"))
        .isInstanceOf(InvalidInputException.class)
        .extracting(
            e -> ((InvalidInputException) e).violations().stream().map(Violation::field).toList())
        .asList()
        .containsExactlyInAnyOrder(
            "test.extra",
            "test.signal",
            "test.expect",
            "test.atLeast",
            "test.freshness",
            "test.risk");
    assertThatThrownBy(() -> TestRule.parse("[1]")).isInstanceOf(InvalidInputException.class);
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
