package io.regulus.library;

import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Loads the built-in library ({@code library/catalog.json} names the action file and the template
 * files) into the platform schema, idempotently: actions are added or their texts refreshed (never
 * their points, type or responsibility); a template version is added once and never changed
 * afterwards. Changed content under a published version is refused with a log line naming the
 * template: it needs a new version.
 */
@Stateless
public class LibraryLoader {

  private static final Logger LOG = Logger.getLogger(LibraryLoader.class.getName());
  private static final String BASE = "library/";

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  /** What loading did: templates versions added, and those already present. */
  public record Loaded(int actions, List<String> added, List<String> unchanged) {}

  public Loaded loadBuiltIn() {
    JsonObject catalog = json(BASE + "catalog.json").asJsonObject();
    int actions = loadActions(json(BASE + catalog.getString("actions")).asJsonObject());
    List<String> added = new java.util.ArrayList<>();
    List<String> unchanged = new java.util.ArrayList<>();
    for (JsonString file : catalog.getJsonArray("templates").getValuesAs(JsonString.class)) {
      byte[] bytes = bytes(BASE + file.getString());
      JsonObject template = parse(bytes).asJsonObject();
      String id = template.getString("key") + " " + template.getString("version");
      (loadTemplate(template, sha256(bytes)) ? added : unchanged).add(id);
    }
    return new Loaded(actions, added, unchanged);
  }

  private int loadActions(JsonObject library) {
    int count = 0;
    for (JsonValue value : library.getJsonArray("actions")) {
      JsonObject action = value.asJsonObject();
      String parent = action.get("parent") instanceof JsonString key ? key.getString() : null;
      em.createNativeQuery(
              "INSERT INTO platform.library_action (action_key, title, description, how_to, action_type, points,"
                  + " category, solution, testing_source, parent_key, managed_by)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS varchar), ?11)"
                  + " ON CONFLICT (action_key) DO UPDATE SET title = EXCLUDED.title,"
                  + " description = EXCLUDED.description, how_to = EXCLUDED.how_to, category = EXCLUDED.category,"
                  + " solution = EXCLUDED.solution")
          .setParameter(1, action.getString("key"))
          .setParameter(2, action.getString("title"))
          .setParameter(3, action.getString("description"))
          .setParameter(4, action.getString("howTo", null))
          .setParameter(5, upper(action.getString("type")))
          .setParameter(6, action.getInt("points"))
          .setParameter(7, action.getString("category"))
          .setParameter(8, action.getString("solution", null))
          .setParameter(9, upper(action.getString("testingSource")))
          .setParameter(10, parent)
          .setParameter(11, upper(action.getString("managedBy")))
          .executeUpdate();
      count++;
    }
    return count;
  }

  /** True when this call published the version; false when it was there with the same content. */
  private boolean loadTemplate(JsonObject template, String sha256) {
    em.createNativeQuery(
            "INSERT INTO platform.template (template_key, title, regulation, description) VALUES (?1, ?2, ?3, ?4)"
                + " ON CONFLICT (template_key) DO NOTHING")
        .setParameter(1, template.getString("key"))
        .setParameter(2, template.getString("title"))
        .setParameter(3, template.getString("regulation"))
        .setParameter(4, template.getString("description", null))
        .executeUpdate();
    long templateId =
        single(
            "SELECT id FROM platform.template WHERE template_key = ?1", template.getString("key"));
    List<?> existing =
        em.createNativeQuery(
                "SELECT content_sha256 FROM platform.template_version WHERE template_id = ?1 AND version = ?2")
            .setParameter(1, templateId)
            .setParameter(2, template.getString("version"))
            .getResultList();
    if (!existing.isEmpty()) {
      if (!sha256.equals(String.valueOf(existing.get(0)).trim())) {
        LOG.severe(
            () ->
                "template "
                    + template.getString("key")
                    + " version "
                    + template.getString("version")
                    + " is published and immutable, but its file changed: give the change a new version");
      }
      return false;
    }
    long versionId =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO platform.template_version (template_id, version, published_at, content_sha256)"
                            + " VALUES (?1, ?2, ?3, ?4) RETURNING id")
                    .setParameter(1, templateId)
                    .setParameter(2, template.getString("version"))
                    .setParameter(3, java.sql.Timestamp.from(Instant.now()))
                    .setParameter(4, sha256)
                    .getSingleResult())
            .longValue();
    int position = 0;
    for (JsonValue value : template.getJsonArray("controls")) {
      JsonObject control = value.asJsonObject();
      long controlId =
          ((Number)
                  em.createNativeQuery(
                          "INSERT INTO platform.template_control (version_id, control_id, family, title, description,"
                              + " mandatory, nature, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                              + " RETURNING id")
                      .setParameter(1, versionId)
                      .setParameter(2, control.getString("id"))
                      .setParameter(3, control.getString("family"))
                      .setParameter(4, control.getString("title"))
                      .setParameter(5, control.getString("description"))
                      .setParameter(6, control.getBoolean("mandatory"))
                      .setParameter(7, upper(control.getString("nature")))
                      .setParameter(8, position++)
                      .getSingleResult())
              .longValue();
      for (JsonString key : control.getJsonArray("actions").getValuesAs(JsonString.class)) {
        int mapped =
            em.createNativeQuery(
                    "INSERT INTO platform.template_control_action (control_id, action_id)"
                        + " SELECT ?1, id FROM platform.library_action WHERE action_key = ?2 ON CONFLICT DO NOTHING")
                .setParameter(1, controlId)
                .setParameter(2, key.getString())
                .executeUpdate();
        if (mapped == 0
            && single(
                    "SELECT count(*) FROM platform.library_action WHERE action_key = ?1",
                    key.getString())
                == 0) {
          throw new IllegalStateException(
              "control "
                  + control.getString("id")
                  + " of "
                  + template.getString("key")
                  + " maps unknown action "
                  + key.getString());
        }
      }
    }
    LOG.info(
        () ->
            "published template "
                + template.getString("key")
                + " "
                + template.getString("version"));
    return true;
  }

  private long single(String sql, Object parameter) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
        .longValue();
  }

  private static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }

  private static JsonValue json(String resource) {
    return parse(bytes(resource));
  }

  private static JsonValue parse(byte[] bytes) {
    try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(bytes))) {
      return reader.readValue();
    }
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = LibraryLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("library resource " + resource + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
