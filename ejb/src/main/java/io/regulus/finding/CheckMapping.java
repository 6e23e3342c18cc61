package io.regulus.finding;

import io.regulus.signal.SignalCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A scanner's checks and the signal key each one reports, kept as data beside the library ({@code
 * library/signals/<scanner>.json}): {@code {"product": "Prowler", "checks": [{"check":
 * "iam_root_mfa_enabled", "signal": "mfa.admins.enforced"}]}}. Several checks may feed one key.
 */
public record CheckMapping(String product, Map<String, String> signalByCheck) {

  /** The signal key format every way in enforces (docs/signals.md). */
  private static final String PROWLER = "library/signals/prowler.json";

  public CheckMapping {
    signalByCheck = Collections.unmodifiableMap(new LinkedHashMap<>(signalByCheck));
  }

  /** Prowler's checks, read once from the class path. */
  public static CheckMapping prowler() {
    return Prowler.MAPPING;
  }

  /** The key a finding of {@code product}'s {@code check} reports, if the table names it. */
  public Optional<String> signalOf(String product, String check) {
    if (product == null || !product.strip().toLowerCase(Locale.ROOT).equals(normalProduct())) {
      return Optional.empty();
    }
    return Optional.ofNullable(signalByCheck.get(check));
  }

  private String normalProduct() {
    return product.toLowerCase(Locale.ROOT);
  }

  /** Reads a mapping file; a key that breaks the key format is a fault of the file. */
  public static CheckMapping read(InputStream in) {
    try (JsonReader reader = Json.createReader(in)) {
      JsonObject file = reader.readObject();
      Map<String, String> checks = new LinkedHashMap<>();
      for (JsonValue entry : file.getJsonArray("checks")) {
        JsonObject check = entry.asJsonObject();
        String id = check.getString("check");
        String key = check.getString("signal");
        if (!SignalCatalog.wellFormed(key)) {
          throw new IllegalStateException("check " + id + " maps to a malformed key: " + key);
        }
        if (checks.put(id, key) != null) {
          throw new IllegalStateException("check " + id + " is mapped twice");
        }
      }
      return new CheckMapping(file.getString("product"), checks);
    }
  }

  /** Holder: the table is read on first use. */
  private static final class Prowler {
    static final CheckMapping MAPPING = load();

    private static CheckMapping load() {
      try (InputStream in = CheckMapping.class.getClassLoader().getResourceAsStream(PROWLER)) {
        if (in == null) {
          throw new IllegalStateException(PROWLER + " is missing from the class path");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
