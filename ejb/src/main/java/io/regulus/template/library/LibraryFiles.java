package io.regulus.template.library;

import io.regulus.scoring.Classification;
import io.regulus.template.exchange.ImportOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in library's files as {@code library/catalog.json} names them: the action files, the
 * template versions (JSON, oldest first per template) and the catalogs imported through the import
 * job (OSCAL with a mapping file), with one digest over all of them.
 *
 * @param actions every action, with its points derived from the classification it was written for
 * @param templates every template version file, in catalog order
 * @param imports the files imported as global templates
 * @param sha256 the digest of every file's name and bytes, in catalog order
 */
public record LibraryFiles(
    List<Action> actions, List<Template> templates, List<Import> imports, String sha256) {

  private static final String BASE = "library/";

  /**
   * An action as the library writes it: its points derived from its classification, and {@code
   * test}, its test rule as the file writes it (an automatic action's; null for none), checked by
   * the loader.
   */
  public record Action(
      String key,
      String title,
      String description,
      String howTo,
      String type,
      int points,
      String category,
      String solution,
      String testingSource,
      String parent,
      String managedBy,
      JsonValue test) {}

  /** One template version file: its header and its controls as JSON, and its own digest. */
  public record Template(String file, JsonObject content, String sha256) {
    public String key() {
      return content.getString("key");
    }

    public String version() {
      return content.getString("version");
    }
  }

  /**
   * A catalog imported through the template import job as a global template version.
   *
   * @param options the mapping file's classification and actions per control, and the source
   */
  public record Import(
      String key,
      String version,
      String file,
      String format,
      ImportOptions options,
      byte[] bytes,
      String sha256) {}

  /** The library on the class path. */
  public static LibraryFiles builtIn() {
    return read(BASE);
  }

  static LibraryFiles read(String base) {
    MessageDigest all = digest();
    JsonObject catalog = object(bytes(base, "catalog.json", all));
    List<Action> actions = new ArrayList<>();
    for (JsonString file : catalog.getJsonArray("actions").getValuesAs(JsonString.class)) {
      for (JsonValue value : object(bytes(base, file.getString(), all)).getJsonArray("actions")) {
        actions.add(action(value.asJsonObject()));
      }
    }
    List<Template> templates = new ArrayList<>();
    for (JsonString file : catalog.getJsonArray("templates").getValuesAs(JsonString.class)) {
      byte[] bytes = bytes(base, file.getString(), all);
      templates.add(new Template(file.getString(), object(bytes), hex(digest().digest(bytes))));
    }
    List<Import> imports = new ArrayList<>();
    for (JsonValue value : catalog.getJsonArray("imports")) {
      JsonObject entry = value.asJsonObject();
      byte[] bytes = bytes(base, entry.getString("file"), all);
      JsonObject mapping =
          entry.containsKey("mapping")
              ? object(bytes(base, entry.getString("mapping"), all))
              : JsonValue.EMPTY_JSON_OBJECT;
      imports.add(
          new Import(
              entry.getString("key"),
              entry.getString("version"),
              entry.getString("file"),
              entry.getString("format"),
              options(entry, mapping),
              bytes,
              hex(digest().digest(bytes))));
    }
    return new LibraryFiles(actions, templates, imports, hex(all.digest()));
  }

  private static Action action(JsonObject action) {
    Classification written =
        new Classification(
            Classification.Nature.valueOf(upper(action.getString("nature"))),
            action.getBoolean("mandatory"));
    return new Action(
        action.getString("key"),
        action.getString("title"),
        action.getString("description"),
        action.getString("howTo", null),
        upper(action.getString("type")),
        written.points(),
        action.getString("category"),
        action.getString("solution", null),
        upper(action.getString("testingSource")),
        action.getString("parent", null),
        upper(action.getString("managedBy")),
        action.get("test"));
  }

  /**
   * The import's options: the documented defaults, the catalog entry's key prefix and source, and
   * per control the mapping file's actions, classification and category (by control, else by the
   * control's family prefix, {@code AC} for {@code AC-2(1)}).
   */
  private static ImportOptions options(JsonObject entry, JsonObject mapping) {
    ImportOptions defaults = ImportOptions.DEFAULTS;
    JsonObject families = mapping.getJsonObject("families");
    Map<String, ImportOptions.ControlMapping> controls = new LinkedHashMap<>();
    JsonObject mapped = mapping.getJsonObject("controls");
    if (mapped != null) {
      mapped.forEach(
          (id, value) -> {
            JsonObject control = value.asJsonObject();
            JsonObject family =
                families == null ? null : families.getJsonObject(id.replaceAll("[-(].*", ""));
            List<String> keys =
                control.containsKey("actions")
                    ? control.getJsonArray("actions").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                    : List.of();
            controls.put(
                id,
                new ImportOptions.ControlMapping(
                    keys,
                    control.containsKey("mandatory") ? control.getBoolean("mandatory") : null,
                    control.containsKey("nature") ? upper(control.getString("nature")) : null,
                    control.getString(
                        "category", family == null ? null : family.getString("category", null))));
          });
    }
    return new ImportOptions(
        entry.getString("keyPrefix", defaults.keyPrefix()),
        defaults.mandatory(),
        defaults.nature(),
        defaults.actionType(),
        defaults.category(),
        defaults.managedBy(),
        controls,
        entry.getString("source", null),
        "");
  }

  private static byte[] bytes(String base, String name, MessageDigest all) {
    try (InputStream in = LibraryFiles.class.getClassLoader().getResourceAsStream(base + name)) {
      if (in == null) {
        throw new IllegalStateException("library file " + base + name + " is missing");
      }
      byte[] bytes = in.readAllBytes();
      all.update(name.getBytes(StandardCharsets.UTF_8));
      all.update((byte) 0);
      all.update(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject object(byte[] bytes) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readObject();
    }
  }

  private static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
