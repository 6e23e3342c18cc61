package io.regulus.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalBatchReaderTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private static final SignalBatchReader READER = new SignalBatchReader(SignalCatalog.builtIn(), 5);

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
  }

  private static List<Violation> refusal(String body) {
    try {
      READER.read(json(body), "signals-acme-0000", NOW);
    } catch (InvalidInputException e) {
      assertThat(e.kind()).isEqualTo(ProblemKind.INVALID_INPUT);
      return e.violations();
    }
    throw new AssertionError("the batch was accepted: " + body);
  }

  @Test
  void aGoodBatchBecomesSignalsWithTheirSourceTimeAndTheClientAsDefaultSource() {
    List<Signal> signals =
        READER.read(
            json(
                "{'signals':[{'key':'mfa.admins.enforced','value':true,'resource':'user/alice',"
                    + "'observedAt':'2026-12-06T11:00:00Z','source':'scanner-1'},"
                    + "{'key':'password.min_length','value':12,'resource':'idp',"
                    + "'observedAt':'2026-12-06T13:04:00+01:00'},"
                    + "{'key':'custom.own_key','value':'x','resource':'r',"
                    + "'observedAt':'2026-12-06T12:04:59Z','detail':{'why':'own'}}]}"),
            "signals-acme-0000",
            NOW);
    assertThat(signals).hasSize(3);
    assertThat(signals.get(0).source()).isEqualTo("scanner-1");
    assertThat(signals.get(0).value()).isEqualTo(JsonValue.TRUE);
    assertThat(signals.get(1).source()).isEqualTo("signals-acme-0000");
    assertThat(signals.get(1).observedAt()).isEqualTo(Instant.parse("2026-12-06T12:04:00Z"));
    assertThat(signals.get(2).detail()).isEqualTo(json("{'why':'own'}"));
  }

  @Test
  void eachBadEntryIsNamedWithItsFieldAndHowToFixIt() {
    List<Violation> violations =
        refusal(
            "{'signals':["
                + "{'key':'MFA-Admins','value':true,'resource':'r','observedAt':'2026-12-06T11:00:00Z'},"
                + "{'key':'mfa.admins.enforced','value':'yes','resource':'r','observedAt':'2026-12-06T11:00:00Z'},"
                + "{'key':'a.b','value':{'x':1},'resource':'r','observedAt':'2026-12-06T11:00:00Z'},"
                + "{'key':'a.b','value':null,'resource':'','observedAt':'2026-12-06T12:05:01Z'},"
                + "{'key':'a.b','value':[1],'resource':'r','observedAt':'yesterday','extra':1}"
                + "]}");
    assertThat(violations)
        .extracting(Violation::field)
        .containsExactly(
            "signals[0].key",
            "signals[1].value",
            "signals[2].value",
            "signals[3].value",
            "signals[3].resource",
            "signals[3].observedAt",
            "signals[4].extra",
            "signals[4].value",
            "signals[4].observedAt");
    assertThat(violations.get(0).rule()).contains("'MFA-Admins' is not a signal key");
    assertThat(violations.get(1).rule())
        .contains("is a string, but mfa.admins.enforced holds a boolean", "true or false");
    assertThat(violations.get(2).rule()).contains("is a JSON object", "boolean, number or string");
    assertThat(violations.get(3).rule()).startsWith("is null");
    assertThat(violations.get(5).rule()).contains("is in the future", "5 minutes");
    assertThat(violations.get(8).rule()).contains("'yesterday' is not such a time", "ISO-8601");
  }

  @Test
  void missingFieldsAndOverlongTextsAreRefused() {
    String longResource = "r".repeat(SignalBatchReader.RESOURCE_MAX + 1);
    String longKey = "a." + "b".repeat(SignalCatalog.KEY_MAX);
    String longSource = "s".repeat(SignalBatchReader.SOURCE_MAX + 1);
    List<Violation> violations =
        refusal(
            "{'signals':[{},{'key':'"
                + longKey
                + "','value':1,'resource':'"
                + longResource
                + "','observedAt':'2026-12-06T11:00:00Z','source':'"
                + longSource
                + "'}]}");
    assertThat(violations)
        .extracting(Violation::field)
        .containsExactly(
            "signals[0].key",
            "signals[0].value",
            "signals[0].resource",
            "signals[0].observedAt",
            "signals[1].key",
            "signals[1].resource",
            "signals[1].source");
    assertThat(violations.get(0).rule()).startsWith("is missing");
    assertThat(violations.get(5).rule()).contains("501 characters long", "1 to 500");
  }

  @Test
  void aBatchOverTheLimitOrNotABatchIsRefusedAsAWhole() {
    JsonArrayBuilder six = Json.createArrayBuilder();
    for (int i = 0; i < 6; i++) {
      six.add(
          Json.createObjectBuilder()
              .add("key", "a.b")
              .add("value", i)
              .add("resource", "r")
              .add("observedAt", "2026-12-06T11:00:00Z"));
    }
    JsonObject tooMany = Json.createObjectBuilder().add("signals", six).build();
    assertThatThrownBy(() -> READER.read(tooMany, "c", NOW))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations()).extracting(Violation::field).containsExactly("signals");
              assertThat(e.violations().get(0).rule()).contains("holds 6 entries", "at most 5");
            });
    assertThat(refusal("[1]")).extracting(Violation::field).containsExactly("body");
    assertThat(refusal("{'signals':[],'more':1}"))
        .extracting(Violation::field)
        .containsExactly("more", "signals");
    assertThat(refusal("{'signals':[1]}").get(0).rule()).startsWith("is a JSON number");
  }

  @Test
  void aRefusalListsAtMostAHundredFaultsAndSaysHowManyMoreThereAre() {
    SignalBatchReader reader = new SignalBatchReader(SignalCatalog.builtIn(), 10_000);
    JsonArrayBuilder bad = Json.createArrayBuilder();
    for (int i = 0; i < 150; i++) {
      bad.add(
          Json.createObjectBuilder()
              .add("key", "bad")
              .add("value", 1)
              .add("resource", "r")
              .add("observedAt", "2026-12-06T11:00:00Z"));
    }
    JsonObject body = Json.createObjectBuilder().add("signals", bad).build();
    assertThatThrownBy(() -> reader.read(body, "c", NOW))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations()).hasSize(SignalBatchReader.MAX_LISTED + 1);
              assertThat(e.violations().get(100).rule()).startsWith("50 more entries are at fault");
              assertThat(e.detail()).contains("150 of its 150 entries are at fault");
            });
  }
}
