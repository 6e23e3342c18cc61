package io.regulus.finding;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.signal.Signal;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a document of OCSF Detection Findings as Prowler writes it ({@code --output-formats
 * json-ocsf}: one JSON array of findings) into signals, one finding at a time from the stream, so
 * the document is never held whole. Every finding is checked, and a document with any bad entry is
 * refused whole with each problem named by the finding's index and field ({@code [3].status_code}),
 * up to {@value #MAX_LISTED} of them.
 *
 * <p>Each finding of a mapped check gives its signal on each of its resources: the value from
 * {@code status_code} ({@link FindingStatus}), the resource's {@code uid}, observed at the
 * finding's {@code time} (epoch seconds as Prowler writes it, or milliseconds as OCSF defines it;
 * {@code time_dt} when {@code time} is absent, read as UTC when it has no offset), the product's
 * name and version as source, and the check, status, severity, finding uid, title and {@code
 * unmapped.compliance} kept in its detail. Two findings giving the same key on the same resource
 * (two checks feeding one key) make one signal: {@link FindingStatus#and}. Findings of checks the
 * mapping does not name are skipped and counted.
 */
public final class OcsfFindings {

  static final int MAX_LISTED = 100;

  /** How far ahead of this server's clock a finding's time may be. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final int DETECTION_FINDING = 2004;
  private static final int MAX_RESOURCE = 500;
  private static final int MAX_SOURCE = 200;
  private static final int MAX_TEXT = 500;

  /** Epoch values at or above this are milliseconds (OCSF), below it seconds (Prowler). */
  private static final long MILLIS_FROM = 100_000_000_000L;

  private final CheckMapping mapping;
  private final Instant latest;
  private final List<Violation> violations = new ArrayList<>();
  private int unlisted;
  private int findings;
  private final Map<Target, Merged> merged = new LinkedHashMap<>();
  private final Map<String, Integer> skipped = new TreeMap<>();

  private OcsfFindings(CheckMapping mapping, Instant now) {
    this.mapping = mapping;
    this.latest = now.plus(CLOCK_SKEW);
  }

  /**
   * The signals of a whole document, or an {@link InvalidInputException} naming every bad entry. An
   * input stream that fails (a body longer than allowed) fails the read with its own exception, as
   * the cause of a {@link JsonException}.
   */
  public static FindingBatch read(InputStream in, CheckMapping mapping, Instant now) {
    OcsfFindings reader = new OcsfFindings(mapping, now);
    reader.document(in);
    if (!reader.violations.isEmpty() || reader.unlisted > 0) {
      if (reader.unlisted > 0) {
        reader.violations.add(
            new Violation(
                "document",
                reader.unlisted
                    + " more problems are not listed: fix these and send the document again"
                    + " to see the rest"));
      }
      throw new InvalidInputException(
          ProblemKind.INVALID_INPUT,
          "The findings document was refused whole, nothing of it is stored",
          reader.violations);
    }
    return new FindingBatch(reader.findings, reader.signals(), reader.skipped);
  }

  private void document(InputStream in) {
    int index = 0;
    try (JsonParser parser = Json.createParser(in)) {
      if (!parser.hasNext()) {
        problem("document", "is empty: send the JSON array of findings as the scanner wrote it");
        return;
      }
      Event first = parser.next();
      if (first != Event.START_ARRAY) {
        problem(
            "document",
            "is "
                + kind(first)
                + ", not a JSON array: send the whole array of findings as Prowler writes it"
                + " (--output-formats json-ocsf)");
        return;
      }
      for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
        if (event == Event.START_OBJECT) {
          finding("[" + index + "]", parser.getObject());
        } else {
          problem("[" + index + "]", "is " + kind(event) + ", not a finding (a JSON object)");
          if (event == Event.START_ARRAY) {
            parser.skipArray();
          }
        }
        index++;
      }
      if (parser.hasNext()) {
        problem("document", "goes on after the array of findings ends: send one array only");
      }
    } catch (JsonParsingException e) {
      problem(
          "[" + index + "]",
          "the document breaks off or is not valid JSON here"
              + where(e.getLocation())
              + ": send the file whole, as the scanner wrote it");
    } catch (java.util.NoSuchElementException e) {
      problem(
          "[" + index + "]",
          "the document ends before its array is closed: send the file whole, as the scanner"
              + " wrote it");
    }
  }

  private void finding(String at, JsonObject f) {
    int before = problems();
    JsonValue classUid = f.get("class_uid");
    if (classUid == null) {
      problem(at + ".class_uid", "is missing: a Detection Finding has class_uid 2004");
    } else if (!(classUid instanceof JsonNumber number)
        || !number.isIntegral()
        || number.longValue() != DETECTION_FINDING) {
      problem(
          at + ".class_uid",
          "is "
              + classUid
              + ": only Detection Findings (class_uid 2004) are read, as Prowler's json-ocsf"
              + " output writes them");
    }
    FindingStatus status = status(at, f);
    JsonObject metadata = object(f, "metadata", at, true);
    String check = metadata == null ? null : text(metadata, "event_code", at + ".metadata", true);
    JsonObject product =
        metadata == null ? null : object(metadata, "product", at + ".metadata", true);
    String source = product == null ? null : source(product, at + ".metadata.product");
    JsonObject info = object(f, "finding_info", at, true);
    String uid = info == null ? null : text(info, "uid", at + ".finding_info", true);
    String title = info == null ? null : text(info, "title", at + ".finding_info", false);
    String severity = text(f, "severity", at, false);
    Instant observed = time(at, f);
    List<String> resources = resources(at, f);
    JsonObject compliance = compliance(at, f);
    findings++;
    if (problems() > before) {
      return;
    }
    String productName = product.getString("name");
    String key = mapping.signalOf(productName, check).orElse(null);
    if (key == null) {
      skipped.merge(check, 1, Integer::sum);
      return;
    }
    JsonObjectBuilder detail =
        Json.createObjectBuilder()
            .add("check", check)
            .add("status", status.name())
            .add("finding", uid);
    if (severity != null) {
      detail.add("severity", severity);
    }
    if (title != null) {
      detail.add("title", title);
    }
    if (compliance != null) {
      detail.add("compliance", compliance);
    }
    JsonObject kept = detail.build();
    for (String resource : resources) {
      merged
          .computeIfAbsent(new Target(key, resource), t -> new Merged(source))
          .add(status, observed, kept);
    }
  }

  private FindingStatus status(String at, JsonObject f) {
    String code = text(f, "status_code", at, true);
    if (code == null) {
      return null;
    }
    try {
      return FindingStatus.valueOf(code);
    } catch (IllegalArgumentException e) {
      problem(
          at + ".status_code",
          "is \""
              + cut(code)
              + "\", not PASS, FAIL or MANUAL: send status_code as Prowler writes it");
      return null;
    }
  }

  private String source(JsonObject product, String at) {
    String name = text(product, "name", at, true);
    String version = text(product, "version", at, false);
    if (name == null) {
      return null;
    }
    String source = version == null || version.isBlank() ? name : name + " " + version;
    if (source.length() > MAX_SOURCE) {
      problem(at, "names a product longer than " + MAX_SOURCE + " characters with its version");
      return null;
    }
    return source;
  }

  /** When the finding was made: {@code time}, else {@code time_dt}; never in the future. */
  private Instant time(String at, JsonObject f) {
    JsonValue time = f.get("time");
    Instant observed;
    if (time != null && time.getValueType() != JsonValue.ValueType.NULL) {
      if (!(time instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
        problem(
            at + ".time",
            "is "
                + cut(time.toString())
                + ": it must be a whole number of seconds (or milliseconds)"
                + " since 1970, as Prowler writes it");
        return null;
      }
      long epoch = number.longValue();
      observed = epoch >= MILLIS_FROM ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
    } else {
      String text = text(f, "time_dt", at, false);
      if (text == null) {
        if (f.get("time_dt") == null) {
          problem(
              at + ".time",
              "is missing: every finding carries its time (time, or time_dt), as Prowler writes it");
        }
        return null;
      }
      observed = dateTime(text);
      if (observed == null) {
        problem(
            at + ".time_dt",
            "is \"" + cut(text) + "\", not a date and time such as 2026-12-01T09:15:42Z");
        return null;
      }
    }
    if (observed.isAfter(latest)) {
      problem(
          at + ".time",
          "is "
              + observed
              + ", in the future: send findings once they are made (check the scanner's clock)");
      return null;
    }
    return observed;
  }

  private static Instant dateTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException offsetMissing) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        return null;
      }
    }
  }

  private List<String> resources(String at, JsonObject f) {
    JsonValue value = f.get("resources");
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      problem(
          at + ".resources",
          value == null
              ? "is missing: a finding names the resources it is about"
              : "must be a non-empty array of resources, each with its uid");
      return List.of();
    }
    List<String> uids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = at + ".resources[" + i + "]";
      if (!(array.get(i) instanceof JsonObject resource)) {
        problem(path, "is " + kind(array.get(i)) + ", not a resource (a JSON object)");
        continue;
      }
      String uid = text(resource, "uid", path, true);
      if (uid != null && uid.length() > MAX_RESOURCE) {
        problem(path + ".uid", "is longer than " + MAX_RESOURCE + " characters");
      } else if (uid != null) {
        uids.add(uid);
      }
    }
    return uids;
  }

  /** {@code unmapped.compliance}: framework to requirement ids, kept as it came. */
  private JsonObject compliance(String at, JsonObject f) {
    JsonObject unmapped = object(f, "unmapped", at, false);
    if (unmapped == null) {
      return null;
    }
    JsonObject compliance = object(unmapped, "compliance", at + ".unmapped", false);
    if (compliance == null) {
      return null;
    }
    for (Map.Entry<String, JsonValue> framework : compliance.entrySet()) {
      boolean ids =
          framework.getValue() instanceof JsonArray list
              && list.stream().allMatch(JsonString.class::isInstance);
      if (!ids) {
        problem(
            at + ".unmapped.compliance." + cut(framework.getKey()),
            "must be an array of requirement ids (strings), such as [\"1.5\", \"1.6\"]");
      }
    }
    return compliance;
  }

  /** A member that must be an object when present; null (and a problem if required) otherwise. */
  private JsonObject object(JsonObject parent, String name, String at, boolean required) {
    JsonValue value = parent.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        problem(at + "." + name, "is missing: send the finding as the scanner wrote it");
      }
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      problem(at + "." + name, "is " + kind(value) + ", not an object");
      return null;
    }
    return object;
  }

  /** A member that must be a string when present (non-blank when required). */
  private String text(JsonObject parent, String name, String at, boolean required) {
    JsonValue value = parent.get(name);
    String path = at + "." + name;
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        problem(path, "is missing: send the finding as the scanner wrote it");
      }
      return null;
    }
    if (!(value instanceof JsonString string)) {
      problem(path, "is " + kind(value) + ", not a string");
      return null;
    }
    String text = string.getString();
    if (required && text.isBlank()) {
      problem(path, "is blank: it must name it");
      return null;
    }
    if (text.length() > MAX_TEXT && !name.equals("title")) {
      problem(path, "is longer than " + MAX_TEXT + " characters");
      return null;
    }
    return text;
  }

  private void problem(String field, String rule) {
    if (violations.size() < MAX_LISTED) {
      violations.add(new Violation(field, rule));
    } else {
      unlisted++;
    }
  }

  private int problems() {
    return violations.size() + unlisted;
  }

  private List<Signal> signals() {
    List<Signal> signals = new ArrayList<>(merged.size());
    merged.forEach(
        (target, m) ->
            signals.add(
                new Signal(
                    target.key(),
                    m.status.value(),
                    target.resource(),
                    m.observed,
                    m.source,
                    Json.createObjectBuilder().add("findings", m.findings).build())));
    return signals;
  }

  private static String kind(Event event) {
    return switch (event) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "not a value";
    };
  }

  private static String kind(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }

  private static String where(JsonLocation location) {
    return location == null
        ? ""
        : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }

  /** A value quoted in a problem, at most 80 characters of it. */
  private static String cut(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }

  private record Target(String key, String resource) {}

  /** The findings of one key on one resource, merged. */
  private static final class Merged {
    private final String source;
    private final JsonArrayBuilder findings = Json.createArrayBuilder();
    private FindingStatus status;
    private Instant observed;

    Merged(String source) {
      this.source = source;
    }

    void add(FindingStatus more, Instant at, JsonObject detail) {
      status = status == null ? more : status.and(more);
      observed = observed == null || at.isAfter(observed) ? at : observed;
      findings.add(detail);
    }
  }
}
