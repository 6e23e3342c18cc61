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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The signal catalog ({@code library/signals/catalog.json}): every key the library's test rules and
 * scanner mappings use, with the type of its value and what it means. A key outside it is still a
 * key when it has the key format (a tenant's own machines may report keys of their own).
 *
 * @param keys each known key with its description, in the file's order
 * @param types each known key with its value's type: boolean, number or string
 */
public record KeyCatalog(Map<String, String> keys, Map<String, String> types) {

  /** A signal key: dotted, lower case, at least two parts (docs/signals.md). */
  public static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");

  /** The longest signal key. */
  public static final int KEY_MAX = 120;

  static final String FILE = "library/signals/catalog.json";

  private static volatile KeyCatalog builtIn;

  public KeyCatalog {
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  /** Whether {@code key} has the key format and length. */
  public static boolean wellFormed(String key) {
    return key != null && key.length() <= KEY_MAX && FORMAT.matcher(key).matches();
  }

  public boolean known(String key) {
    return types.containsKey(key);
  }

  /** The type of a known key's value (boolean, number or string). */
  public Optional<String> type(String key) {
    return Optional.ofNullable(types.get(key));
  }

  /** The catalog on the class path, read once. */
  public static KeyCatalog builtIn() {
    KeyCatalog read = builtIn;
    if (read == null) {
      read = read(FILE);
      builtIn = read;
    }
    return read;
  }

  static KeyCatalog read(String resource) {
    try (InputStream in = KeyCatalog.class.getClassLoader().getResourceAsStream(resource);
        JsonReader reader = Json.createReader(requireFound(in, resource))) {
      Map<String, String> keys = new LinkedHashMap<>();
      Map<String, String> types = new LinkedHashMap<>();
      for (JsonValue value : reader.readObject().getJsonArray("signals")) {
        JsonObject signal = value.asJsonObject();
        keys.put(signal.getString("key"), signal.getString("description"));
        types.put(signal.getString("key"), signal.getString("type"));
      }
      return new KeyCatalog(keys, types);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream requireFound(InputStream in, String resource) {
    if (in == null) {
      throw new IllegalStateException("the signal catalog " + resource + " is missing");
    }
    return in;
  }
}
