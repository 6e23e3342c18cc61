package io.regulus.signal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The known signal keys, their meaning and the JSON type of their value, as the library's {@code
 * library/signals/catalog.json} declares them. A key it does not name may still be sent (a
 * machine's own key); a key it names must carry a value of its type.
 */
public final class SignalCatalog {

  static final String RESOURCE = "library/signals/catalog.json";

  /** A signal key: dotted, lower case, at least two parts (docs/signals.md). */
  public static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");

  /** The longest signal key. */
  public static final int KEY_MAX = 120;

  /** The JSON type of a signal's value. */
  public enum Type {
    BOOLEAN,
    NUMBER,
    STRING;

    /** The type of a JSON value, or empty for an object, an array or null. */
    public static Optional<Type> of(JsonValue value) {
      return switch (value.getValueType()) {
        case TRUE, FALSE -> Optional.of(BOOLEAN);
        case NUMBER -> Optional.of(NUMBER);
        case STRING -> Optional.of(STRING);
        default -> Optional.empty();
      };
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One known key. */
  public record Entry(String key, Type type, String description) {}

  private static final class BuiltIn {
    static final SignalCatalog CATALOG = load();
  }

  private final Map<String, Entry> entries;

  public SignalCatalog(List<Entry> entries) {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    entries.forEach(entry -> byKey.put(entry.key(), entry));
    this.entries = Collections.unmodifiableMap(byKey);
  }

  /** The library's catalog, read once. */
  public static SignalCatalog builtIn() {
    return BuiltIn.CATALOG;
  }

  /** A catalog as the library's file writes it: {@code {"signals":[{key, type, description}]}}. */
  static SignalCatalog of(JsonObject catalog) {
    return new SignalCatalog(
        catalog.getJsonArray("signals").getValuesAs(JsonObject.class).stream()
            .map(
                entry ->
                    new Entry(
                        entry.getString("key"),
                        Type.valueOf(entry.getString("type").toUpperCase(Locale.ROOT)),
                        entry.getString("description", "")))
            .toList());
  }

  private static SignalCatalog load() {
    try (InputStream in = SignalCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the signal catalog " + RESOURCE + " is missing");
      }
      try (JsonReader reader = Json.createReader(in)) {
        return of(reader.readObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** Whether the catalog names the key. */
  public boolean known(String key) {
    return entries.containsKey(key);
  }

  /** Every known key, in the file's order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** Whether {@code key} has the key format and length. */
  public static boolean wellFormed(String key) {
    return key != null && key.length() <= KEY_MAX && FORMAT.matcher(key).matches();
  }
}
