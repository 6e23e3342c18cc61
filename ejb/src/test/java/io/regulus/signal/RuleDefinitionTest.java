package io.regulus.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.problem.Violation;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one check of a test rule's shape, its stored form and its words (docs/signals.md). */
class RuleDefinitionTest {

  private static final SignalCatalog CATALOG =
      new SignalCatalog(
          List.of(
              new SignalCatalog.Entry(
                  "storage.encrypted", SignalCatalog.Type.BOOLEAN, "Encrypted."),
              new SignalCatalog.Entry(
                  "password.min_length", SignalCatalog.Type.NUMBER, "Length.")));

  @Test
  void aRuleLeavingOutFractionAndFreshnessGetsTheirDefaultsAndItsRiskInUpperCase() {
    List<Violation> faults = new ArrayList<>();

    RuleDefinition checked =
        RuleDefinition.check(
            "test",
            new RuleDefinition("storage.encrypted", " value == true ", null, null, "medium"),
            RuleDefinition.Keys.CATALOG,
            CATALOG,
            faults);

    assertThat(faults).isEmpty();
    assertThat(checked)
        .isEqualTo(
            new RuleDefinition(
                "storage.encrypted", "value == true", BigDecimal.ONE, "P7D", "MEDIUM"));
    assertThat(checked.json().toString())
        .isEqualTo(
            "{\"signal\":\"storage.encrypted\",\"expect\":\"value == true\",\"atLeast\":1,"
                + "\"freshness\":\"P7D\",\"risk\":\"MEDIUM\"}");
    assertThat(RuleDefinition.parse(RuleDefinition.stored(checked)).json())
        .isEqualTo(checked.json());
  }

  @Test
  void everyFaultIsNamedByItsFieldAndNothingIsGivenBack() {
    List<Violation> faults = new ArrayList<>();

    RuleDefinition checked =
        RuleDefinition.check(
            "actions[2].test",
            new RuleDefinition(
                "Storage Encrypted", "x".repeat(1001), new BigDecimal("1.5"), "PT30M", "severe"),
            RuleDefinition.Keys.ANY,
            CATALOG,
            faults);

    assertThat(checked).isNull();
    assertThat(faults)
        .extracting(Violation::field)
        .containsExactly(
            "actions[2].test.signal",
            "actions[2].test.expect",
            "actions[2].test.atLeast",
            "actions[2].test.freshness",
            "actions[2].test.risk");
    assertThat(faults.get(1).rule()).contains("at most 1000 characters (got 1001)");
    assertThat(faults.get(4).rule()).contains("got 'severe'");
  }

  @Test
  void theBoundsOfFractionAndFreshnessAreInclusiveWhereTheRuleSaysSo() {
    assertThat(faults(new RuleDefinition("a.b", "true", new BigDecimal("1"), "PT1H", "LOW")))
        .isEmpty();
    assertThat(faults(new RuleDefinition("a.b", "true", new BigDecimal("0.01"), "P90D", "LOW")))
        .isEmpty();
    assertThat(faults(new RuleDefinition("a.b", "true", BigDecimal.ZERO, "P91D", "LOW")))
        .containsExactly("test.atLeast", "test.freshness");
    assertThat(faults(new RuleDefinition("a.b", "true", new BigDecimal("-0.5"), "P1W", "LOW")))
        .containsExactly("test.atLeast", "test.freshness");
    assertThat(faults(new RuleDefinition("a.b", " ", null, "7 days", null)))
        .containsExactly("test.expect", "test.freshness", "test.risk");
    assertThat(faults(new RuleDefinition(null, "true", null, "PT59M", "LOW")))
        .containsExactly("test.signal", "test.freshness");
    assertThat(faults(new RuleDefinition("a", "true", null, null, "LOW")))
        .containsExactly("test.signal");
    assertThat(faults(new RuleDefinition("a." + "b".repeat(119), "true", null, null, "LOW")))
        .containsExactly("test.signal");
  }

  @Test
  void theLibraryReadsOnlyCatalogKeysWhereACustomTemplateReadsAnyWellFormedKey() {
    RuleDefinition own = new RuleDefinition("acme.backups.verified", "value", null, null, "HIGH");
    List<Violation> library = new ArrayList<>();
    RuleDefinition.check("test", own, RuleDefinition.Keys.CATALOG, CATALOG, library);
    List<Violation> custom = new ArrayList<>();
    RuleDefinition.check("test", own, RuleDefinition.Keys.ANY, CATALOG, custom);

    assertThat(library).singleElement().satisfies(v -> assertThat(v.rule()).contains("catalog"));
    assertThat(custom).isEmpty();
  }

  @Test
  void aRuleReadFromJsonNamesFieldsOfTheWrongTypeAndFieldsARuleDoesNotHave() {
    List<Violation> faults = new ArrayList<>();

    RuleDefinition read =
        RuleDefinition.read(
            "x.test",
            Json.createObjectBuilder()
                .add("signal", 3)
                .add("expect", "value == true")
                .add("atLeast", "most")
                .add("risk", "HIGH")
                .add("severity", "HIGH")
                .build(),
            faults);

    assertThat(read).isNull();
    assertThat(faults)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("x.test.severity", "x.test.signal", "x.test.atLeast");
    List<Violation> notAnObject = new ArrayList<>();
    RuleDefinition.read("x.test", Json.createValue("value == true"), notAnObject);
    assertThat(notAnObject).extracting(Violation::field).containsExactly("x.test");
  }

  @Test
  void theRuleInWordsSaysTheShareTheExpressionTheWindowAndTheRisk() {
    assertThat(
            new RuleDefinition(
                    "storage.encrypted", "value == true", new BigDecimal("0.9"), "P7D", "HIGH")
                .words())
        .isEqualTo(
            "Passes when at least 90 % of resources reporting storage.encrypted have value == true,"
                + " seen within 7 days; fails as high risk.");
    assertThat(
            new RuleDefinition("mfa.admins.enforced", "value == true", BigDecimal.ONE, "P1D", "LOW")
                .words())
        .isEqualTo(
            "Passes when every resource reporting mfa.admins.enforced has value == true, seen within"
                + " 1 day; fails as low risk.");
    assertThat(
            new RuleDefinition("a.b", "value <= 15.0", new BigDecimal("0.955"), "PT12H", "MEDIUM")
                .words())
        .isEqualTo(
            "Passes when at least 95.5 % of resources reporting a.b have value <= 15.0, seen within"
                + " 12 hours; fails as medium risk.");
  }

  private static List<String> faults(RuleDefinition rule) {
    List<Violation> faults = new ArrayList<>();
    RuleDefinition.check("test", rule, RuleDefinition.Keys.ANY, CATALOG, faults);
    return faults.stream().map(Violation::field).toList();
  }
}
