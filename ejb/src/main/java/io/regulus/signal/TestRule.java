package io.regulus.signal;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.TestStatus;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An automatic action's test rule (docs/signals.md, "Test rules"), as kept in {@code
 * action.test_rule}: the signal key it reads, the CEL expression each resource's latest value must
 * meet ({@link Expectation}), the passed fraction needed to pass ({@code atLeast}, 0 < x <= 1,
 * default 1.0), how old a resource's latest signal may be before it is stale ({@code freshness}, an
 * ISO-8601 duration, default P7D), and the risk a failure carries.
 */
public record TestRule(
    String signal, String expect, double atLeast, Duration freshness, Risk risk) {

  /** What a failure of the rule costs: names its FAILED_*_RISK status. */
  public enum Risk {
    LOW(TestStatus.FAILED_LOW_RISK),
    MEDIUM(TestStatus.FAILED_MEDIUM_RISK),
    HIGH(TestStatus.FAILED_HIGH_RISK);

    private final TestStatus failed;

    Risk(TestStatus failed) {
      this.failed = failed;
    }

    /** The test status of a rule of this risk that no resource meets. */
    public TestStatus failed() {
      return failed;
    }
  }

  public static final double DEFAULT_AT_LEAST = 1.0;
  public static final Duration DEFAULT_FRESHNESS = Duration.ofDays(7);

  /** The form of a signal key (docs/signals.md). */
  private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$");

  private static final Set<String> FIELDS =
      Set.of("signal", "expect", "atLeast", "freshness", "risk");

  /**
   * The rule of a {@code test_rule} JSON text; a 422 naming every field that is wrong ({@code
   * test.signal}, {@code test.expect} with the CEL compiler's message, ...).
   */
  public static TestRule parse(String json) {
    JsonObject object;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidInputException(
          new Violation("test", "a test rule is a JSON object: " + e.getMessage()));
    }
    return of(object);
  }

  /** The rule of a JSON object; a 422 naming every field that is wrong. */
  public static TestRule of(JsonObject object) {
    List<Violation> violations = new ArrayList<>();
    for (String field : object.keySet()) {
      if (!FIELDS.contains(field)) {
        violations.add(
            new Violation(
                "test." + field,
                "unknown field; a test rule has signal, expect, atLeast, freshness and risk"));
      }
    }
    String signal = text(object, "signal", violations);
    if (signal != null && (signal.length() > 120 || !KEY.matcher(signal).matches())) {
      violations.add(
          new Violation(
              "test.signal",
              "'"
                  + signal
                  + "' is not a signal key: dotted lower-case words of at most 120 characters,"
                  + " such as mfa.admins.enforced"));
    }
    String expect = text(object, "expect", violations);
    if (expect != null) {
      Expectation.fault(expect)
          .ifPresent(fault -> violations.add(new Violation("test.expect", fault)));
    }
    double atLeast = DEFAULT_AT_LEAST;
    JsonValue least = object.get("atLeast");
    if (least != null && least != JsonValue.NULL) {
      if (least instanceof JsonNumber number
          && number.doubleValue() > 0
          && number.doubleValue() <= 1) {
        atLeast = number.doubleValue();
      } else {
        violations.add(
            new Violation("test.atLeast", "a number above 0 and at most 1 (0.9 for 90 %)"));
      }
    }
    Duration freshness = DEFAULT_FRESHNESS;
    JsonValue fresh = object.get("freshness");
    if (fresh != null && fresh != JsonValue.NULL) {
      freshness = null;
      if (fresh instanceof JsonString string) {
        try {
          freshness = Duration.parse(string.getString());
        } catch (DateTimeParseException e) {
          freshness = null;
        }
      }
      if (freshness == null || freshness.isNegative() || freshness.isZero()) {
        violations.add(
            new Violation(
                "test.freshness",
                "an ISO-8601 duration in days, hours or minutes above zero, such as P7D or PT12H"));
        freshness = DEFAULT_FRESHNESS;
      }
    }
    Risk risk = null;
    JsonValue riskValue = object.get("risk");
    if (riskValue instanceof JsonString string) {
      try {
        risk = Risk.valueOf(string.getString());
      } catch (IllegalArgumentException e) {
        risk = null;
      }
    }
    if (risk == null) {
      violations.add(new Violation("test.risk", "LOW, MEDIUM or HIGH"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The test rule is not valid", violations);
    }
    return new TestRule(signal, expect, atLeast, freshness, risk);
  }

  /** The rule as its JSON text. */
  public String toJson() {
    return Json.createObjectBuilder()
        .add("signal", signal)
        .add("expect", expect)
        .add("atLeast", atLeast)
        .add("freshness", freshness.toString())
        .add("risk", risk.name())
        .build()
        .toString();
  }

  private static String text(JsonObject object, String field, List<Violation> violations) {
    JsonValue value = object.get(field);
    if (value instanceof JsonString string && !string.getString().isBlank()) {
      return string.getString();
    }
    violations.add(new Violation("test." + field, "required: a non-empty string"));
    return null;
  }
}
