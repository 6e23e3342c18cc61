package io.regulus.template.library;

import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.problem.Violation;
import io.regulus.signal.RuleDefinition;
import io.regulus.signal.SignalCatalog;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Writes the built-in library's actions and JSON template versions into the platform's library, in
 * one transaction, with set-based SQL, idempotently: an action is added, or its texts, category,
 * testing source, points and test rule brought to the file's (its type and responsibility never
 * change); a template version is added once and never changed afterwards (a changed file under a
 * published version is refused and logged: it needs a new version). An action key a firm's
 * templates already use for their own action refuses the whole load: firms' actions share the
 * library's key space. Two nodes starting at once load one after the other (a transaction-scoped
 * advisory lock).
 */
@Stateless
@Guarded
public class LibraryLoader {

  private static final Logger LOG = Logger.getLogger(LibraryLoader.class.getName());
  private static final String ACTION_COLUMNS =
      "title, description, how_to, points, category, solution, testing_source, parent_key,"
          + " test_rule";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  /**
   * What loading did.
   *
   * @param actionsAdded actions new to the library
   * @param actionsChanged actions whose texts, category, testing source or points changed
   * @param added template versions published ({@code key version})
   * @param unchanged template versions that were there with the same content
   * @param refused what the files ask that the library cannot do, one sentence each
   */
  public record Loaded(
      int actionsAdded,
      int actionsChanged,
      List<String> added,
      List<String> unchanged,
      List<String> refused) {}

  /** True when the library was last loaded from exactly these files and every import landed. */
  @Internal("the library's start-up task asks before loading")
  public boolean current(LibraryFiles files) {
    List<?> loaded =
        em.createNativeQuery("SELECT content_sha256 FROM platform.library_load WHERE id = 1")
            .getResultList();
    if (loaded.isEmpty() || !files.sha256().equals(String.valueOf(loaded.get(0)).trim())) {
      return false;
    }
    return files.imports().stream()
        .allMatch(file -> publishedSha(file.key(), file.version()) != null);
  }

  /** The imports whose version is not published yet and no import of it is under way. */
  @Internal("the library's start-up task starts them")
  public List<LibraryFiles.Import> pendingImports(LibraryFiles files) {
    List<LibraryFiles.Import> pending = new ArrayList<>();
    for (LibraryFiles.Import file : files.imports()) {
      String published = publishedSha(file.key(), file.version());
      if (published != null) {
        if (!published.equals(file.sha256())) {
          LOG.severe(() -> immutable(file.key(), file.version()));
        }
        continue;
      }
      Number running =
          (Number)
              em.createNativeQuery(
                      "SELECT count(*) FROM platform.template_import WHERE owner_kind = 'GLOBAL'"
                          + " AND template_key = ?1 AND version_label = ?2"
                          + " AND status IN ('QUEUED', 'RUNNING')")
                  .setParameter(1, file.key())
                  .setParameter(2, file.version())
                  .getSingleResult();
      if (running.longValue() == 0) {
        pending.add(file);
      }
    }
    return pending;
  }

  /** Loads the actions and the JSON template versions, and records the files' digest. */
  @Internal("the library's start-up task, and tests that load it again")
  public Loaded load(LibraryFiles files) {
    Map<String, RuleDefinition> rules = rules(files.actions());
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('regulus-built-in-library'))")
        .getSingleResult();
    List<String> refused = new ArrayList<>();
    int[] actions = actions(files.actions(), rules, refused);
    List<String> added = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, LibraryFiles.Template> newest = new HashMap<>();
    files.templates().forEach(template -> newest.put(template.key(), template));
    for (LibraryFiles.Template template : files.templates()) {
      String id = template.key() + " " + template.version();
      Long templateId = header(template, newest.get(template.key()) == template, refused);
      if (templateId == null) {
        continue;
      }
      String published = publishedSha(template.key(), template.version());
      if (published == null) {
        version(templateId, template);
        added.add(id);
      } else if (published.equals(template.sha256())) {
        unchanged.add(id);
      } else {
        refused.add(immutable(template.key(), template.version()));
      }
    }
    em.createNativeQuery(
            "INSERT INTO platform.library_load (id, content_sha256, loaded_at, actions, versions)"
                + " VALUES (1, ?1, now(), ?2, ?3) ON CONFLICT (id) DO UPDATE SET"
                + " content_sha256 = EXCLUDED.content_sha256, loaded_at = EXCLUDED.loaded_at,"
                + " actions = EXCLUDED.actions, versions = EXCLUDED.versions"
                + " WHERE library_load.content_sha256 <> EXCLUDED.content_sha256")
        .setParameter(1, files.sha256())
        .setParameter(2, files.actions().size())
        .setParameter(3, files.templates().size())
        .executeUpdate();
    refused.forEach(LOG::severe);
    return new Loaded(actions[0], actions[1], added, unchanged, refused);
  }

  /**
   * Every action's test rule, checked ({@link RuleDefinition#check}: keys of the signal catalog
   * only), by action key; a rule with a fault, or a rule on an action not tested automatically,
   * refuses the whole load, naming each fault.
   */
  static Map<String, RuleDefinition> rules(List<LibraryFiles.Action> actions) {
    Map<String, RuleDefinition> rules = new HashMap<>();
    List<Violation> faults = new ArrayList<>();
    for (LibraryFiles.Action action : actions) {
      if (action.test() == null) {
        continue;
      }
      String field = action.key() + ".test";
      if (!"AUTOMATIC".equals(action.testingSource())) {
        faults.add(
            new Violation(
                field, "only an action whose testingSource is automatic has a test rule"));
      }
      RuleDefinition read = RuleDefinition.read(field, action.test(), faults);
      RuleDefinition rule =
          read == null
              ? null
              : RuleDefinition.check(
                  field, read, RuleDefinition.Keys.CATALOG, SignalCatalog.builtIn(), faults);
      if (rule != null) {
        rules.put(action.key(), rule);
      }
    }
    if (!faults.isEmpty()) {
      throw new IllegalStateException(
          "the built-in library's test rules have faults, nothing was loaded: "
              + faults.stream().map(fault -> fault.field() + ": " + fault.rule()).toList());
    }
    return rules;
  }

  /** Adds new actions and brings changed ones to the file's content: {added, changed}. */
  private int[] actions(
      List<LibraryFiles.Action> actions, Map<String, RuleDefinition> rules, List<String> refused) {
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (LibraryFiles.Action action : actions) {
      rows.add(
          Json.createObjectBuilder()
              .add("action_key", action.key())
              .add("title", action.title())
              .add("description", action.description())
              .add("how_to", nullable(action.howTo()))
              .add("action_type", action.type())
              .add("points", action.points())
              .add("category", action.category())
              .add("solution", nullable(action.solution()))
              .add("testing_source", action.testingSource())
              .add("parent_key", nullable(action.parent()))
              .add("managed_by", action.managedBy())
              .add(
                  "test_rule",
                  rules.containsKey(action.key())
                      ? rules.get(action.key()).json()
                      : JsonValue.NULL));
    }
    String json = rows.build().toString();
    String recordset =
        " FROM json_to_recordset(CAST(?1 AS json)) AS a(action_key text, title text,"
            + " description text, how_to text, action_type text, points integer, category text,"
            + " solution text, testing_source text, parent_key text, managed_by text,"
            + " test_rule jsonb)";
    String owned =
        " EXISTS (SELECT 1 FROM platform.template_control_action m"
            + " JOIN platform.template_control c ON c.id = m.control_id"
            + " JOIN platform.template_version v ON v.id = c.version_id"
            + " JOIN platform.template t ON t.id = v.template_id"
            + " WHERE m.action_id = la.id AND t.firm_id IS ";
    List<?> firms =
        em.createNativeQuery(
                "SELECT a.action_key"
                    + recordset
                    + " JOIN platform.library_action la ON la.action_key = a.action_key WHERE"
                    + owned
                    + "NOT NULL) AND NOT"
                    + owned
                    + "NULL)")
            .setParameter(1, json)
            .getResultList();
    if (!firms.isEmpty()) {
      // firms' actions share the library's key space: taking one would rewrite a firm's action
      throw new IllegalStateException(
          "the built-in library's actions "
              + firms
              + " have the keys of firms' own actions: give them other keys; nothing was loaded");
    }
    for (Object row :
        em.createNativeQuery(
                "SELECT a.action_key"
                    + recordset
                    + " JOIN platform.library_action la"
                    + " ON la.action_key = a.action_key"
                    + " WHERE (la.action_type, la.managed_by) <> (a.action_type, a.managed_by)")
            .setParameter(1, json)
            .getResultList()) {
      refused.add(
          "action "
              + row
              + " keeps its type and responsibility: a change of either is a new action under"
              + " another key");
    }
    List<?> written =
        em.createNativeQuery(
                "INSERT INTO platform.library_action (action_key, action_type, managed_by, "
                    + ACTION_COLUMNS
                    + ") SELECT a.action_key, a.action_type, a.managed_by, a.title, a.description,"
                    + " a.how_to, a.points, a.category, a.solution, a.testing_source, a.parent_key,"
                    + " a.test_rule"
                    + recordset
                    + " ON CONFLICT (action_key) DO UPDATE SET ("
                    + ACTION_COLUMNS
                    + ") = (EXCLUDED.title, EXCLUDED.description, EXCLUDED.how_to, EXCLUDED.points,"
                    + " EXCLUDED.category, EXCLUDED.solution, EXCLUDED.testing_source,"
                    + " EXCLUDED.parent_key, EXCLUDED.test_rule) WHERE (library_action.title,"
                    + " library_action.description, library_action.how_to, library_action.points,"
                    + " library_action.category, library_action.solution,"
                    + " library_action.testing_source, library_action.parent_key,"
                    + " library_action.test_rule) IS DISTINCT FROM (EXCLUDED.title,"
                    + " EXCLUDED.description, EXCLUDED.how_to, EXCLUDED.points, EXCLUDED.category,"
                    + " EXCLUDED.solution, EXCLUDED.testing_source, EXCLUDED.parent_key,"
                    + " EXCLUDED.test_rule)"
                    + " RETURNING (xmax = 0)")
            .setParameter(1, json)
            .getResultList();
    int added = (int) written.stream().filter(Boolean.TRUE::equals).count();
    return new int[] {added, written.size() - added};
  }

  /**
   * The template's id, its header (title, regulation, description) the newest version's; null when
   * the key is a firm's template (the built-in library never takes another owner's key).
   */
  private Long header(LibraryFiles.Template template, boolean newest, List<String> refused) {
    JsonObject content = template.content();
    List<?> ids =
        em.createNativeQuery(
                "INSERT INTO platform.template AS t (template_key, title, regulation, description)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (template_key) DO UPDATE SET"
                    + " title = CASE WHEN ?5 THEN EXCLUDED.title ELSE t.title END,"
                    + " regulation = CASE WHEN ?5 THEN EXCLUDED.regulation ELSE t.regulation END,"
                    + " description = CASE WHEN ?5 THEN EXCLUDED.description ELSE t.description END"
                    + " WHERE t.firm_id IS NULL RETURNING t.id")
            .setParameter(1, template.key())
            .setParameter(2, content.getString("title"))
            .setParameter(3, content.getString("regulation"))
            .setParameter(4, content.getString("description", null))
            .setParameter(5, newest)
            .getResultList();
    if (ids.isEmpty()) {
      refused.add(
          "template "
              + template.key()
              + " is a firm's template: the built-in library needs another key for it");
      return null;
    }
    return ((Number) ids.get(0)).longValue();
  }

  private void version(long templateId, LibraryFiles.Template template) {
    JsonObject content = template.content();
    long versionId =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO platform.template_version (template_id, version, published_at,"
                            + " content_sha256, source_url) VALUES (?1, ?2, now(), ?3,"
                            + " CAST(?4 AS varchar)) RETURNING id")
                    .setParameter(1, templateId)
                    .setParameter(2, template.version())
                    .setParameter(3, template.sha256())
                    .setParameter(4, content.getString("source", null))
                    .getSingleResult())
            .longValue();
    JsonArrayBuilder controls = Json.createArrayBuilder();
    JsonArrayBuilder mappings = Json.createArrayBuilder();
    Set<String> keys = new HashSet<>();
    int position = 0;
    int mapped = 0;
    for (JsonValue value : content.getJsonArray("controls")) {
      JsonObject control = value.asJsonObject();
      String id = control.getString("id");
      controls.add(
          Json.createObjectBuilder()
              .add("control_id", id)
              .add("family", control.getString("family"))
              .add("title", control.getString("title"))
              .add("description", control.getString("description"))
              .add("mandatory", control.getBoolean("mandatory"))
              .add("nature", control.getString("nature").toUpperCase(Locale.ROOT))
              .add("position", position++)
              .add("source_url", nullable(control.getString("source", null))));
      for (JsonString key : control.getJsonArray("actions").getValuesAs(JsonString.class)) {
        mappings.add(
            Json.createObjectBuilder().add("control_id", id).add("action_key", key.getString()));
        keys.add(key.getString());
        mapped++;
      }
    }
    em.createNativeQuery(
            "INSERT INTO platform.template_control (version_id, control_id, family, title,"
                + " description, mandatory, nature, position, source_url) SELECT ?1, c.control_id,"
                + " c.family, c.title, c.description, c.mandatory, c.nature, c.position,"
                + " c.source_url FROM json_to_recordset(CAST(?2 AS json)) AS c(control_id text,"
                + " family text, title text, description text, mandatory boolean, nature text,"
                + " position integer, source_url text)")
        .setParameter(1, versionId)
        .setParameter(2, controls.build().toString())
        .executeUpdate();
    int written =
        em.createNativeQuery(
                "INSERT INTO platform.template_control_action (control_id, action_id)"
                    + " SELECT c.id, la.id FROM json_to_recordset(CAST(?2 AS json))"
                    + " AS m(control_id text, action_key text)"
                    + " JOIN platform.template_control c ON c.version_id = ?1"
                    + " AND c.control_id = m.control_id"
                    + " JOIN platform.library_action la ON la.action_key = m.action_key"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, versionId)
            .setParameter(2, mappings.build().toString())
            .executeUpdate();
    if (written != mapped) {
      List<?> known =
          em.createNativeQuery(
                  "SELECT action_key FROM platform.library_action"
                      + " WHERE action_key = ANY (string_to_array(?1, ','))")
              .setParameter(1, String.join(",", keys))
              .getResultList();
      keys.removeAll(known);
      throw new IllegalStateException(
          template.file()
              + " maps actions the library does not have ("
              + keys
              + ") or one action twice to a control");
    }
    LOG.info(() -> "published template " + template.key() + " " + template.version());
  }

  private String publishedSha(String key, String version) {
    List<?> found =
        em.createNativeQuery(
                "SELECT v.content_sha256 FROM platform.template_version v"
                    + " JOIN platform.template t ON t.id = v.template_id"
                    + " WHERE t.template_key = ?1 AND v.version = ?2")
            .setParameter(1, key)
            .setParameter(2, version)
            .getResultList();
    return found.isEmpty() ? null : String.valueOf(found.get(0)).trim();
  }

  private static String immutable(String key, String version) {
    return "template "
        + key
        + " version "
        + version
        + " is published and immutable, but its file changed: give the change a new version";
  }

  private static JsonValue nullable(String value) {
    return value == null ? JsonValue.NULL : Json.createValue(value);
  }
}
