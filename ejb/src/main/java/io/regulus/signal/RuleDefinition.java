package io.regulus.signal;

import io.regulus.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An automatic action's test rule as it is written (docs/signals.md, "Test rules"): in the
 * library's action files as {@code "test"}, in {@code action.test_rule} and {@code
 * platform.library_action.test_rule}, and in custom templates' actions. {@code expect} is a CEL
 * expression over {@code value} and {@code resource}, true when one resource's latest signal of
 * {@code signal} passes; the rule passes when at least {@code atLeast} of the fresh resources pass.
 *
 * <p>{@link #check} is the one validation of a rule's shape, used by the library's loader and the
 * template API (the template files' formats have no place for a rule), which compiles {@code
 * expect} with CEL ({@link Expectation}); {@link #json} is the stored form, defaults filled in, and
 * {@link TestRule#of} the form the sweep evaluates.
 *
 * @param signal the signal key the rule reads
 * @param expect the CEL expression, at most 1,000 characters
 * @param atLeast the passed fraction needed to pass, 0 &lt; x &lt;= 1 (null: 1)
 * @param freshness an ISO-8601 duration from PT1H to P90D (null: P7D): an older latest signal is
 *     stale
 * @param risk LOW, MEDIUM or HIGH: the FAILED_*_RISK status when no resource passes
 */
public record RuleDefinition(
    String signal, String expect, BigDecimal atLeast, String freshness, String risk) {

  public static final int EXPECT_MAX = 1_000;
  public static final Duration FRESHNESS_MIN = Duration.ofHours(1);
  public static final Duration FRESHNESS_MAX = Duration.ofDays(90);
  public static final String DEFAULT_FRESHNESS = "P7D";
  private static final Set<String> RISKS = Set.of("LOW", "MEDIUM", "HIGH");
  private static final Set<String> FIELDS =
      Set.of("signal", "expect", "atLeast", "freshness", "risk");

  /** Which signal keys a rule may read. */
  public enum Keys {
    /** Only the catalog's: the built-in library's rules. */
    CATALOG,
    /** Any key of the key format: a custom template's rules (a tenant's own machines' keys). */
    ANY
  }

  /**
   * Checks a rule's shape, adding a violation per fault under {@code field} ({@code
   * actions[2].test.atLeast}); returns the rule with its defaults filled in and its risk in upper
   * case, or null when it has faults.
   */
  public static RuleDefinition check(
      String field, RuleDefinition rule, Keys keys, SignalCatalog catalog, List<Violation> faults) {
    int before = faults.size();
    if (rule.signal() == null || rule.signal().isBlank()) {
      faults.add(
          new Violation(
              field + ".signal",
              "required: the signal key the rule reads, e.g. 'mfa.admins.enforced'"));
    } else if (!SignalCatalog.wellFormed(rule.signal())) {
      faults.add(
          new Violation(
              field + ".signal",
              "a signal key is dotted lower-case words (letters, digits, '_'), at least two parts and"
                  + " at most "
                  + SignalCatalog.KEY_MAX
                  + " characters, e.g. 'storage.encrypted' (got '"
                  + rule.signal()
                  + "')"));
    } else if (keys == Keys.CATALOG && !catalog.known(rule.signal())) {
      faults.add(
          new Violation(
              field + ".signal",
              "'"
                  + rule.signal()
                  + "' is not in the signal catalog (library/signals/catalog.json): add it there"
                  + " with its type and meaning, or use one of its keys"));
    }
    if (rule.expect() == null || rule.expect().isBlank()) {
      faults.add(
          new Violation(
              field + ".expect",
              "required: a CEL expression over value and resource giving true when a resource"
                  + " passes, e.g. 'value == true' or 'value >= 12.0'"));
    } else if (rule.expect().length() > EXPECT_MAX) {
      faults.add(
          new Violation(
              field + ".expect",
              "at most " + EXPECT_MAX + " characters (got " + rule.expect().length() + ")"));
    } else {
      Expectation.fault(rule.expect())
          .ifPresent(fault -> faults.add(new Violation(field + ".expect", fault)));
    }
    if (rule.atLeast() != null
        && (rule.atLeast().signum() <= 0 || rule.atLeast().compareTo(BigDecimal.ONE) > 0)) {
      faults.add(
          new Violation(
              field + ".atLeast",
              "the passed fraction needed to pass is more than 0 and at most 1, e.g. 0.9 for 90 %"
                  + " (got "
                  + rule.atLeast().toPlainString()
                  + "); leave it out for 1, every resource"));
    }
    Duration freshness = null;
    String freshnessText = rule.freshness() == null ? DEFAULT_FRESHNESS : rule.freshness().strip();
    try {
      freshness = Duration.parse(freshnessText);
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (freshness == null
        || freshness.compareTo(FRESHNESS_MIN) < 0
        || freshness.compareTo(FRESHNESS_MAX) > 0) {
      faults.add(
          new Violation(
              field + ".freshness",
              "an ISO-8601 duration in days or hours from PT1H to P90D, e.g. P7D or PT12H (got '"
                  + rule.freshness()
                  + "'); leave it out for P7D"));
    }
    String risk = rule.risk() == null ? null : rule.risk().strip().toUpperCase(Locale.ROOT);
    if (risk == null || !RISKS.contains(risk)) {
      faults.add(
          new Violation(
              field + ".risk",
              "one of low, medium, high: the failed status when no resource passes"
                  + (rule.risk() == null ? "" : " (got '" + rule.risk() + "')")));
    }
    if (faults.size() > before) {
      return null;
    }
    return new RuleDefinition(
        rule.signal(),
        rule.expect().strip(),
        rule.atLeast() == null ? BigDecimal.ONE : rule.atLeast(),
        freshnessText,
        risk);
  }

  /**
   * A rule as JSON writes it (a library file, a stored column), its fields read by type: a field of
   * the wrong type or an unknown field is a fault under {@code field}; null when there were faults.
   */
  public static RuleDefinition read(String field, JsonValue json, List<Violation> faults) {
    if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
      faults.add(
          new Violation(
              field, "an object {signal, expect, atLeast, freshness, risk}, or left out"));
      return null;
    }
    JsonObject rule = json.asJsonObject();
    int before = faults.size();
    for (String name : rule.keySet()) {
      if (!FIELDS.contains(name)) {
        faults.add(
            new Violation(field + "." + name, "not a field of a test rule: " + FIELDS + " are"));
      }
    }
    String signal = string(field, rule, "signal", faults);
    String expect = string(field, rule, "expect", faults);
    BigDecimal atLeast = null;
    JsonValue fraction = rule.get("atLeast");
    if (fraction instanceof JsonNumber number) {
      atLeast = number.bigDecimalValue();
    } else if (fraction != null && fraction != JsonValue.NULL) {
      faults.add(new Violation(field + ".atLeast", "a number, e.g. 0.9"));
    }
    String freshness = string(field, rule, "freshness", faults);
    String risk = string(field, rule, "risk", faults);
    return faults.size() > before
        ? null
        : new RuleDefinition(signal, expect, atLeast, freshness, risk);
  }

  /** The stored form of a rule {@link #check} gave back, or null for none. */
  public static String stored(RuleDefinition rule) {
    return rule == null ? null : rule.json().toString();
  }

  /** A stored rule (a jsonb column's text), or null. */
  public static RuleDefinition parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(stored))) {
      List<Violation> faults = new ArrayList<>();
      RuleDefinition rule = read("test", reader.readObject(), faults);
      if (rule == null) {
        throw new IllegalStateException("a stored test rule is not one: " + faults);
      }
      return rule;
    }
  }

  /** The rule as JSON, every field written: the form stored and compared. */
  public JsonObject json() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("signal", signal)
            .add("expect", expect)
            .add("atLeast", atLeast == null ? BigDecimal.ONE : atLeast.stripTrailingZeros())
            .add("freshness", freshness == null ? DEFAULT_FRESHNESS : freshness)
            .add("risk", risk);
    return json.build();
  }

  /**
   * The rule in plain words: "Passes when at least 90 % of resources reporting storage.encrypted
   * have value == true, seen within 7 days; fails as high risk."
   */
  public String words() {
    BigDecimal fraction = atLeast == null ? BigDecimal.ONE : atLeast;
    String share =
        fraction.compareTo(BigDecimal.ONE) == 0
            ? "every resource reporting " + signal + " has "
            : "at least "
                + fraction.movePointRight(2).stripTrailingZeros().toPlainString()
                + " % of resources reporting "
                + signal
                + " have ";
    return "Passes when "
        + share
        + expect
        + ", seen within "
        + span(freshness == null ? DEFAULT_FRESHNESS : freshness)
        + "; fails as "
        + risk.toLowerCase(Locale.ROOT)
        + " risk.";
  }

  /** A duration in days or hours, in words ("7 days", "12 hours"). */
  private static String span(String iso) {
    Duration duration = Duration.parse(iso);
    if (duration.toHours() % 24 == 0) {
      long days = duration.toDays();
      return days + (days == 1 ? " day" : " days");
    }
    long hours = duration.toHours();
    return hours + (hours == 1 ? " hour" : " hours");
  }

  private static String string(String field, JsonObject rule, String name, List<Violation> faults) {
    JsonValue value = rule.get(name);
    if (value instanceof JsonString text) {
      return text.getString();
    }
    if (value != null && value != JsonValue.NULL) {
      faults.add(new Violation(field + "." + name, "a string"));
    }
    return null;
  }
}
