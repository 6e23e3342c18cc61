package io.regulus.signal;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a machine client's batch {@code {"signals":[{key, value, resource, observedAt, source}]}}
 * into signals, or refuses it whole, naming each entry at fault with its field, what is wrong and
 * how to fix it (at most {@link #MAX_LISTED} of them, then how many more). A pure function of the
 * body, the catalog, the batch limit and the time: nothing is stored here.
 *
 * <ul>
 *   <li>{@code key}: dotted lower case of at least two parts ({@code mfa.admins.enforced}), at most
 *       120 characters.
 *   <li>{@code value}: a JSON boolean, number or string (an object, an array or null is refused);
 *       for a key of the catalog, of the catalog's type.
 *   <li>{@code resource}: 1 to 500 characters; {@code source} (optional, the machine client's id
 *       when absent): 1 to 200.
 *   <li>{@code observedAt}: an ISO-8601 instant with its offset ({@code 2026-12-06T10:15:00Z}), not
 *       later than now plus {@link #CLOCK_SKEW}.
 *   <li>{@code detail} (optional): a JSON object kept beside the value.
 * </ul>
 */
public final class SignalBatchReader {

  public static final int RESOURCE_MAX = 500;
  public static final int SOURCE_MAX = 200;

  /** How far ahead of this server's clock a machine's observation time may be. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** The most entries at fault a refusal names one by one. */
  public static final int MAX_LISTED = 100;

  private static final Set<String> FIELDS =
      Set.of("key", "value", "resource", "observedAt", "source", "detail");

  private final SignalCatalog catalog;
  private final int maxEntries;

  public SignalBatchReader(SignalCatalog catalog, int maxEntries) {
    this.catalog = catalog;
    this.maxEntries = maxEntries;
  }

  /**
   * The batch's signals, each from {@code defaultSource} unless it names its own; refused whole (an
   * {@link InvalidInputException}) when any entry is at fault.
   */
  public List<Signal> read(JsonValue body, String defaultSource, Instant now) {
    if (!(body instanceof JsonObject batch)) {
      throw refused(
          "The body is not a signal batch",
          List.of(
              new Violation(
                  "body",
                  "is "
                      + kind(body)
                      + "; send one JSON object {\"signals\": [{\"key\", \"value\", \"resource\","
                      + " \"observedAt\", \"source\"}, ...]}")));
    }
    List<Violation> top = new ArrayList<>();
    batch.keySet().stream()
        .filter(name -> !name.equals("signals"))
        .sorted()
        .forEach(
            name ->
                top.add(
                    new Violation(
                        name,
                        "is not a field of a signal batch; the batch holds only \"signals\"")));
    JsonValue list = batch.get("signals");
    if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
      top.add(
          new Violation(
              "signals",
              (list == null ? "is missing" : "is " + kind(list))
                  + "; give an array of 1 to "
                  + maxEntries
                  + " signals"));
    } else if (list.asJsonArray().isEmpty()) {
      top.add(new Violation("signals", "is empty; give 1 to " + maxEntries + " signals"));
    } else if (list.asJsonArray().size() > maxEntries) {
      top.add(
          new Violation(
              "signals",
              "holds "
                  + list.asJsonArray().size()
                  + " entries, more than the "
                  + maxEntries
                  + " one batch may hold; split it into batches of at most "
                  + maxEntries));
    }
    if (!top.isEmpty()) {
      throw refused("The signal batch cannot be read", top);
    }
    List<JsonValue> entries = list.asJsonArray();
    Instant latest = now.plus(CLOCK_SKEW);
    List<Signal> signals = new ArrayList<>(entries.size());
    List<Violation> faults = new ArrayList<>();
    int entriesAtFault = 0;
    for (int i = 0; i < entries.size(); i++) {
      List<Violation> found = new ArrayList<>();
      Signal signal = entry(i, entries.get(i), defaultSource, latest, found);
      if (found.isEmpty()) {
        signals.add(signal);
      } else {
        entriesAtFault++;
        if (faults.size() < MAX_LISTED) {
          faults.addAll(found.subList(0, Math.min(found.size(), MAX_LISTED - faults.size())));
        }
      }
    }
    if (entriesAtFault > 0) {
      long listed = faults.stream().map(v -> v.field().split("]")[0]).distinct().count();
      if (entriesAtFault > listed) {
        faults.add(
            new Violation(
                "signals",
                (entriesAtFault - listed)
                    + " more entries are at fault and not listed here; fix the ones named and send"
                    + " the batch again to see the rest"));
      }
      throw refused(
          "The signal batch was refused and nothing of it stored: "
              + entriesAtFault
              + " of its "
              + entries.size()
              + " entries "
              + (entriesAtFault == 1 ? "is" : "are")
              + " at fault",
          faults);
    }
    return signals;
  }

  private Signal entry(
      int index, JsonValue value, String defaultSource, Instant latest, List<Violation> found) {
    String at = "signals[" + index + "]";
    if (!(value instanceof JsonObject entry)) {
      found.add(
          new Violation(
              at,
              "is "
                  + kind(value)
                  + "; each signal is an object {\"key\", \"value\", \"resource\", \"observedAt\","
                  + " \"source\"}"));
      return null;
    }
    entry.keySet().stream()
        .filter(name -> !FIELDS.contains(name))
        .sorted()
        .forEach(
            name ->
                found.add(
                    new Violation(
                        at + "." + name,
                        "is not a field of a signal; a signal has key, value, resource,"
                            + " observedAt, source and detail")));
    String key = key(at, entry, found);
    JsonValue signalValue = value(at, entry, key, found);
    String resource =
        text(
            at,
            entry,
            "resource",
            RESOURCE_MAX,
            "the resource observed, such as a host or an account",
            found);
    Instant observedAt = observedAt(at, entry, latest, found);
    String source =
        entry.containsKey("source")
            ? text(
                at, entry, "source", SOURCE_MAX, "who observed it, such as a scanner's name", found)
            : defaultSource;
    JsonValue detail = entry.get("detail");
    if (detail != null && detail.getValueType() != JsonValue.ValueType.OBJECT) {
      found.add(
          new Violation(
              at + ".detail", "is " + kind(detail) + "; give a JSON object, or leave it out"));
    }
    if (!found.isEmpty()) {
      return null;
    }
    return new Signal(
        key,
        signalValue,
        resource,
        observedAt,
        source,
        detail == null ? null : detail.asJsonObject());
  }

  private static String key(String at, JsonObject entry, List<Violation> found) {
    String field = at + ".key";
    String how =
        "; give a dotted lower-case key of at least two parts, such as mfa.admins.enforced";
    JsonValue value = entry.get("key");
    if (!(value instanceof JsonString text)) {
      found.add(new Violation(field, (value == null ? "is missing" : "is " + kind(value)) + how));
      return null;
    }
    String key = text.getString();
    if (key.length() > SignalCatalog.KEY_MAX) {
      found.add(
          new Violation(
              field,
              "is " + key.length() + " characters long, more than " + SignalCatalog.KEY_MAX + how));
      return null;
    }
    if (!SignalCatalog.wellFormed(key)) {
      found.add(
          new Violation(
              field,
              "'"
                  + key
                  + "' is not a signal key (lower-case letters, digits and '_', parts joined by"
                  + " '.')"
                  + how));
      return null;
    }
    return key;
  }

  private JsonValue value(String at, JsonObject entry, String key, List<Violation> found) {
    String field = at + ".value";
    JsonValue value = entry.get("value");
    if (value == null) {
      found.add(new Violation(field, "is missing; give what was observed: true, 12 or \"1.2\""));
      return null;
    }
    var type = SignalCatalog.Type.of(value);
    if (type.isEmpty()) {
      found.add(
          new Violation(
              field,
              "is "
                  + kind(value)
                  + "; a signal's value is a JSON boolean, number or string, such as true, 12 or"
                  + " \"1.2\""));
      return null;
    }
    if (key != null) {
      var known = catalog.entry(key);
      if (known.isPresent() && known.get().type() != type.get()) {
        found.add(
            new Violation(
                field,
                "is a "
                    + type.get().id()
                    + ", but "
                    + key
                    + " holds a "
                    + known.get().type().id()
                    + " (the signal catalog); send "
                    + example(known.get().type())));
        return null;
      }
    }
    return value;
  }

  private static String example(SignalCatalog.Type type) {
    return switch (type) {
      case BOOLEAN -> "true or false";
      case NUMBER -> "a JSON number, such as 12";
      case STRING -> "a JSON string, such as \"1.2\"";
    };
  }

  private static String text(
      String at, JsonObject entry, String name, int max, String what, List<Violation> found) {
    String field = at + "." + name;
    String how = "; give " + what + ", 1 to " + max + " characters";
    JsonValue value = entry.get(name);
    if (!(value instanceof JsonString text)) {
      found.add(new Violation(field, (value == null ? "is missing" : "is " + kind(value)) + how));
      return null;
    }
    int length = text.getString().length();
    if (length == 0 || length > max || text.getString().isBlank()) {
      found.add(
          new Violation(
              field,
              (length == 0 || text.getString().isBlank()
                      ? "is blank"
                      : "is " + length + " characters long")
                  + how));
      return null;
    }
    return text.getString();
  }

  private static Instant observedAt(
      String at, JsonObject entry, Instant latest, List<Violation> found) {
    String field = at + ".observedAt";
    String how =
        "; give the time it was observed as an ISO-8601 instant with its offset, such as"
            + " 2026-12-06T10:15:00Z";
    JsonValue value = entry.get("observedAt");
    if (!(value instanceof JsonString text)) {
      found.add(new Violation(field, (value == null ? "is missing" : "is " + kind(value)) + how));
      return null;
    }
    Instant observed;
    try {
      observed =
          OffsetDateTime.parse(text.getString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .toInstant();
    } catch (DateTimeParseException e) {
      found.add(new Violation(field, "'" + text.getString() + "' is not such a time" + how));
      return null;
    }
    if (observed.isAfter(latest)) {
      found.add(
          new Violation(
              field,
              text.getString()
                  + " is in the future (this server's clock allows "
                  + CLOCK_SKEW.toMinutes()
                  + " minutes ahead, up to "
                  + latest
                  + "); send the time the machine observed it, and check the machine's clock"));
      return null;
    }
    return observed;
  }

  /** "a JSON object", "null", in the words a refusal uses. */
  static String kind(JsonValue value) {
    if (value == null) {
      return "missing";
    }
    return switch (value.getValueType()) {
      case NULL -> "null";
      case TRUE, FALSE -> "a boolean";
      default -> "a JSON " + value.getValueType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static InvalidInputException refused(String summary, List<Violation> violations) {
    return new InvalidInputException(ProblemKind.INVALID_INPUT, summary, violations);
  }
}
