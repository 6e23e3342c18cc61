package io.regulus.template.imports;

import io.regulus.template.LibraryActions;
import io.regulus.template.exchange.ActionKeys;
import io.regulus.template.exchange.ExchangeAction;
import io.regulus.template.exchange.ImportProblem;
import io.regulus.template.exchange.TemplateHeader;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An import's checks against its owner's library, and its publication: the staged items written as
 * one new version with set-based SQL, in the caller's transaction. A global or firm version goes
 * into the platform's library (its new actions into the shared action library, where an existing
 * action keeps its points, type and responsibility and takes the file's texts); a tenant's into its
 * private templates (actions the library has are copied from it, the others become the tenant's).
 */
@ApplicationScoped
public class TemplatePublication {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** What the owner's library already has of a file's actions: key to type and points. */
  private record Known(String type, int points, String managedBy) {}

  /**
   * The problems of publishing {@code actions} under {@code key} and {@code version} for the owner,
   * and the keys among {@code referenced} (actions controls name without defining) the owner's
   * library has.
   */
  List<ImportProblem> check(
      ImportOwner owner,
      ActiveTenant tenant,
      String key,
      String version,
      Map<String, ExchangeAction> actions,
      Set<String> referenced,
      Set<String> knownOut) {
    List<ImportProblem> problems = new ArrayList<>();
    if (tenant != null) {
      binding.bind(em, tenant);
    }
    if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*") || key.length() > 60) {
      problems.add(
          new ImportProblem(
              "request",
              null,
              "key",
              key,
              "a template key is lower-case words and digits joined by '-', at most 60 characters"));
      return problems;
    }
    Set<String> keys = new HashSet<>(actions.keySet());
    keys.addAll(referenced);
    Map<String, Known> library = known("platform.library_action", keys);
    Map<String, Known> own = tenant == null ? Map.of() : known("action", keys);
    knownOut.addAll(library.keySet());
    knownOut.addAll(own.keySet());
    for (ExchangeAction action : actions.values()) {
      namespaceProblem(owner, action, library.containsKey(action.key())).ifPresent(problems::add);
      Known existing = own.getOrDefault(action.key(), library.get(action.key()));
      if (existing != null
          && (!existing.type().equals(action.type())
              || (action.points() != null && existing.points() != action.points())
              || !existing.managedBy().equals(action.managedBy()))) {
        problems.add(
            new ImportProblem(
                "action '" + action.title() + "'",
                null,
                "points",
                action.type() + " " + action.points(),
                (ActionKeys.namespace(action.key()).isEmpty()
                        ? "the library already has this action as "
                        : "your catalogue already has this action as ")
                    + existing.type()
                    + " worth "
                    + existing.points()
                    + " points ("
                    + existing.managedBy()
                    + "-managed), which never change once published: keep them, or give the"
                    + " action a new title to make it a new action"));
      }
    }
    switch (owner.kind()) {
      case GLOBAL, FIRM -> {
        List<?> holder =
            em.createNativeQuery(
                    "SELECT coalesce(f.slug, '') FROM platform.template t"
                        + " LEFT JOIN platform.firm f ON f.id = t.firm_id WHERE t.template_key = ?1")
                .setParameter(1, key)
                .getResultList();
        String mine = owner.firm() == null ? "" : owner.firm();
        if (!holder.isEmpty() && !holder.get(0).equals(mine)) {
          problems.add(
              new ImportProblem(
                  "request",
                  null,
                  "key",
                  key,
                  "another library (global or another firm's) has a template with this key:"
                      + " choose another key"));
        }
        if (version != null
            && !em.createNativeQuery(
                    "SELECT 1 FROM platform.template_version v JOIN platform.template t ON t.id ="
                        + " v.template_id WHERE t.template_key = ?1 AND v.version = ?2")
                .setParameter(1, key)
                .setParameter(2, version)
                .getResultList()
                .isEmpty()) {
          problems.add(
              new ImportProblem(
                  "request",
                  null,
                  "version",
                  version,
                  "template '"
                      + key
                      + "' already has this version: published versions never change"));
        }
      }
      case TENANT -> {
        if (!em.createNativeQuery("SELECT 1 FROM platform.template WHERE template_key = ?1")
            .setParameter(1, key)
            .getResultList()
            .isEmpty()) {
          problems.add(
              new ImportProblem(
                  "request",
                  null,
                  "key",
                  key,
                  "the library has a template with this key: choose another key for yours"));
        }
        if (!em.createNativeQuery(
                "SELECT 1 FROM private_template WHERE template_key = ?1 AND extends_key IS NOT NULL")
            .setParameter(1, key)
            .getResultList()
            .isEmpty()) {
          problems.add(
              new ImportProblem(
                  "request",
                  null,
                  "key",
                  key,
                  "this is an extension of a global template: a file imports as a standalone"
                      + " template, under another key"));
        }
      }
    }
    return problems;
  }

  /**
   * What is wrong with the namespace of a file's action for its owner: the library's keys are plain
   * names; a tenant's own actions are "tenant:name", and a plain key in a tenant's file names the
   * library's action, which the library must have.
   */
  private static java.util.Optional<ImportProblem> namespaceProblem(
      ImportOwner owner, ExchangeAction action, boolean inLibrary) {
    String namespace = ActionKeys.namespace(action.key());
    String where = "action '" + action.title() + "'";
    String reason = null;
    if (owner.kind() != ImportOwner.Kind.TENANT && !namespace.isEmpty()) {
      reason =
          "a library action's key is a plain name, without '"
              + namespace
              + ":': '"
              + namespace
              + ":' keys are a tenant's own actions; give the action a plain key";
    } else if (owner.kind() == ImportOwner.Kind.TENANT
        && !namespace.isEmpty()
        && !namespace.equals(ActionKeys.TENANT)) {
      reason =
          "your own actions' keys start with 'tenant:' (tenant:"
              + action.key().substring(namespace.length() + 1)
              + "): write the key so, or as a plain name for a library action";
    } else if (owner.kind() == ImportOwner.Kind.TENANT && namespace.isEmpty() && !inLibrary) {
      reason =
          "the library has no action '"
              + action.key()
              + "': your own actions' keys start with 'tenant:' (tenant:"
              + action.key()
              + "), so that a new library version can never take them; a plain key names a"
              + " library action";
    }
    return java.util.Optional.ofNullable(reason)
        .map(why -> new ImportProblem(where, null, "key", action.key(), why));
  }

  private Map<String, Known> known(String table, Collection<String> keys) {
    Map<String, Known> known = new java.util.HashMap<>();
    if (keys.isEmpty()) {
      return known;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.action_key, a.action_type, a.points, a.managed_by"
                    + " FROM unnest(CAST(?1 AS text[])) AS k(key) JOIN "
                    + table
                    + " a ON a.action_key = k.key")
            // only well-formed keys can be stored, and they need no quoting in an array literal
            .setParameter(
                1,
                keys.stream()
                    .filter(ActionKeys::valid)
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")))
            .getResultList();
    for (Object[] row : rows) {
      known.put(
          (String) row[0],
          new Known((String) row[1], ((Number) row[2]).intValue(), (String) row[3]));
    }
    return known;
  }

  /**
   * Publishes the staged items of import {@code id} as a version of the platform's library, linked
   * to the official text it restates ({@code source}, or null).
   */
  String publishGlobal(
      long id,
      String firm,
      String key,
      String version,
      TemplateHeader header,
      String sha256,
      String source) {
    analyze(
        "platform.template_import_item", "platform.library_action", "platform.template_control");
    long templateId =
        number(
            em.createNativeQuery(
                    "INSERT INTO platform.template (template_key, title, regulation, description,"
                        + " attributes, firm_id) VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb),"
                        + " (SELECT id FROM platform.firm WHERE slug = ?6))"
                        + " ON CONFLICT (template_key) DO UPDATE SET title = EXCLUDED.title,"
                        + " regulation = EXCLUDED.regulation, description = EXCLUDED.description,"
                        + " attributes = EXCLUDED.attributes RETURNING id")
                .setParameter(1, key)
                .setParameter(2, header.title())
                .setParameter(3, header.regulation())
                .setParameter(4, header.description())
                .setParameter(5, attributes(header))
                .setParameter(6, firm)
                .getSingleResult());
    String label = version != null ? version : nextLabel(templateId);
    long versionId =
        number(
            em.createNativeQuery(
                    "INSERT INTO platform.template_version (template_id, version, published_at,"
                        + " content_sha256, source_url) VALUES (?1, ?2, now(), ?3, CAST(?4 AS varchar))"
                        + " RETURNING id")
                .setParameter(1, templateId)
                .setParameter(2, label)
                .setParameter(3, sha256)
                .setParameter(4, source)
                .getSingleResult());
    em.createNativeQuery(
            "INSERT INTO platform.library_action (action_key, title, description, how_to, action_type,"
                + " points, category, solution, testing_source, managed_by, attributes)"
                + " SELECT a.key, a.title, a.description, NULL, a.type, coalesce(a.points, d.points, 1),"
                + " a.category, a.solution, 'MANUAL', a.\"managedBy\", "
                + ACTION_ATTRIBUTES
                + " FROM "
                + STAGED_ACTIONS
                + " ON CONFLICT (action_key) DO UPDATE SET title = EXCLUDED.title,"
                + " description = EXCLUDED.description, category = EXCLUDED.category,"
                + " solution = EXCLUDED.solution, attributes = EXCLUDED.attributes")
        .setParameter(1, id)
        .executeUpdate();
    writeControls(
        id,
        versionId,
        "platform.template_control",
        "platform.template_control_action",
        "platform.library_action");
    return label;
  }

  /** Publishes the staged items of import {@code id} as a version of the tenant's template. */
  String publishPrivate(
      long id, ActiveTenant tenant, String key, TemplateHeader header, String createdBy) {
    binding.bind(em, tenant);
    em.createNativeQuery("LOCK TABLE private_template IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
    analyze("platform.template_import_item", "action", "private_control");
    long templateId =
        number(
            em.createNativeQuery(
                    "INSERT INTO private_template (template_key, title, regulation, description,"
                        + " attributes, created_at, created_by) VALUES (?1, ?2, ?3, ?4,"
                        + " CAST(?5 AS jsonb), now(), ?6) ON CONFLICT (template_key) DO UPDATE SET"
                        + " title = EXCLUDED.title, regulation = EXCLUDED.regulation,"
                        + " description = EXCLUDED.description, attributes = EXCLUDED.attributes"
                        + " RETURNING id")
                .setParameter(1, key)
                .setParameter(2, header.title())
                .setParameter(3, header.regulation())
                .setParameter(4, header.description())
                .setParameter(5, attributes(header))
                .setParameter(6, createdBy)
                .getSingleResult());
    int version =
        (int)
            number(
                em.createNativeQuery(
                        "SELECT coalesce(max(version), 0) + 1 FROM private_template_version"
                            + " WHERE template_id = ?1")
                    .setParameter(1, templateId)
                    .getSingleResult());
    long versionId =
        number(
            em.createNativeQuery(
                    "INSERT INTO private_template_version (template_id, version, published_at,"
                        + " published_by) VALUES (?1, ?2, now(), ?3) RETURNING id")
                .setParameter(1, templateId)
                .setParameter(2, version)
                .setParameter(3, createdBy)
                .getSingleResult());
    // the library's actions (plain keys) are copied from it, keeping the library's content; the
    // tenant's own ("tenant:" keys) are written from the file
    em.createNativeQuery(
            LibraryActions.copyWhere(
                "la.action_key IN (SELECT k.key FROM platform.template_import_item i CROSS JOIN"
                    + " LATERAL jsonb_array_elements_text(i.payload -> 'actionKeys') AS k(key)"
                    + " WHERE i.import_id = ?1 AND i.kind = 'CONTROL')"))
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO action (action_key, origin, title, description, how_to, action_type, points,"
                + " category, solution, testing_source, managed_by, attributes)"
                + " SELECT a.key, 'TENANT', a.title, a.description, NULL, a.type,"
                + " coalesce(a.points, d.points, 1), a.category, a.solution, 'MANUAL', a.\"managedBy\", "
                + ACTION_ATTRIBUTES
                + " FROM "
                + STAGED_ACTIONS
                + " AND a.key LIKE 'tenant:%' ON CONFLICT (action_key) DO NOTHING")
        .setParameter(1, id)
        .executeUpdate();
    // what this version declares of the tenant's own actions, for template updates to take
    em.createNativeQuery(
            "INSERT INTO private_version_action (version_id, action_id, title, description, how_to,"
                + " action_type, points, category, solution) SELECT ?2, act.id, s.title, s.description,"
                + " NULL, s.type, s.points, s.category, s.solution FROM (SELECT a.key, a.title,"
                + " a.description, a.type, coalesce(a.points, d.points, 1) AS points, a.category,"
                + " a.solution FROM "
                + STAGED_ACTIONS
                + ") s JOIN action act ON act.action_key = s.key AND act.origin = 'TENANT'")
        .setParameter(1, id)
        .setParameter(2, versionId)
        .executeUpdate();
    writeControls(id, versionId, "private_control", "private_control_action", "action");
    return String.valueOf(version);
  }

  /**
   * The staged controls of import {@code id} as version {@code versionId}'s rows of {@code
   * controls}, and their mappings to {@code actions} in {@code mappings}: the same for the
   * platform's library and a tenant's.
   */
  private void writeControls(
      long id, long versionId, String controls, String mappings, String actions) {
    em.createNativeQuery(
            "INSERT INTO "
                + controls
                + " (version_id, control_id, family, title, description, mandatory, nature,"
                + " position) SELECT ?2, c.id, c.family, c.title, c.description, c.mandatory,"
                + " c.nature, i.seq FROM "
                + STAGED_CONTROLS)
        .setParameter(1, id)
        .setParameter(2, versionId)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO "
                + mappings
                + " (control_id, action_id) SELECT DISTINCT tc.id, a.id"
                + " FROM platform.template_import_item i"
                + " CROSS JOIN LATERAL jsonb_array_elements_text(i.payload -> 'actionKeys') AS k(key)"
                + " JOIN "
                + controls
                + " tc ON tc.version_id = ?2 AND tc.control_id = i.payload ->> 'id'"
                + " JOIN "
                + actions
                + " a ON a.action_key = k.key WHERE i.import_id = ?1 AND i.kind = 'CONTROL'")
        .setParameter(1, id)
        .setParameter(2, versionId)
        .executeUpdate();
  }

  /** The staged actions (a) with the strongest classification points of their controls (d). */
  private static final String STAGED_ACTIONS =
      "platform.template_import_item i CROSS JOIN LATERAL jsonb_to_record(i.payload) AS a(key text,"
          + " title text, type text, points integer, \"descriptionTitle\" text, description text,"
          + " category text, solution text, \"managedBy\" text, dimensions jsonb)"
          + " LEFT JOIN (SELECT k.key, max((c.payload ->> 'classificationPoints')::integer) AS points"
          + " FROM platform.template_import_item c CROSS JOIN LATERAL"
          + " jsonb_array_elements_text(c.payload -> 'actionKeys') AS k(key)"
          + " WHERE c.import_id = ?1 AND c.kind = 'CONTROL' GROUP BY k.key) d ON d.key = a.key"
          + " WHERE i.import_id = ?1 AND i.kind = 'ACTION'";

  private static final String STAGED_CONTROLS =
      "platform.template_import_item i CROSS JOIN LATERAL jsonb_to_record(i.payload) AS c(id text,"
          + " family text, title text, description text, mandatory boolean, nature text)"
          + " WHERE i.import_id = ?1 AND i.kind = 'CONTROL'";

  private static final String ACTION_ATTRIBUTES =
      "jsonb_strip_nulls(jsonb_build_object('descriptionTitle', a.\"descriptionTitle\","
          + " 'dimensions', coalesce(a.dimensions, '{}'::jsonb)))";

  /**
   * Brings the planner's statistics of the tables a publication joins up to date: staged items and
   * an owner's library can grow by tens of thousands of rows between two runs of autovacuum, and a
   * plan made for the empty tables they were (nested loops over sequential scans) takes minutes
   * where a fresh one takes seconds (measured with a 30,000-action workbook imported twice).
   */
  private void analyze(String... tables) {
    for (String table : tables) {
      em.createNativeQuery("ANALYZE " + table).executeUpdate();
    }
  }

  private String nextLabel(long templateId) {
    List<?> labels =
        em.createNativeQuery("SELECT version FROM platform.template_version WHERE template_id = ?1")
            .setParameter(1, templateId)
            .getResultList();
    int next = labels.size() + 1;
    while (labels.contains(String.valueOf(next))) {
      next++;
    }
    return String.valueOf(next);
  }

  private static String attributes(TemplateHeader header) {
    return jakarta.json.Json.createObjectBuilder()
        .add("attributes", ItemJson.header(header).getJsonObject("attributes"))
        .add("dimensions", ItemJson.header(header).getJsonArray("dimensions"))
        .build()
        .toString();
  }

  private static long number(Object value) {
    return ((Number) Objects.requireNonNull(value)).longValue();
  }
}
