package io.regulus.template;

import io.regulus.problem.Violation;
import io.regulus.template.exchange.ActionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A template draft checked whole ({@link DraftCheck}) and written as the content of one version, in
 * the caller's transaction: into a tenant's private templates (its new actions join the tenant's
 * catalogue, the library actions it maps are copied there) or into the platform's library (a firm's
 * templates: its new actions join the shared action library).
 */
@ApplicationScoped
class DraftWriter {

  /** Where a version's content goes: the tables of its actions, controls and mappings. */
  enum Target {
    /** A tenant's private template or extension (the tenant's schema, bound by the caller). */
    TENANT(
        ActionKeys.TENANT,
        "action",
        "origin, ",
        "'TENANT', ",
        "private_control",
        "private_control_action"),
    /** A firm's template, in the platform's library (plain keys). */
    LIBRARY(
        "",
        "platform.library_action",
        "",
        "",
        "platform.template_control",
        "platform.template_control_action");

    /** The namespace of the keys of the actions a version declares. */
    private final String namespace;

    private final String actions;
    private final String originColumn;
    private final String origin;
    private final String controls;
    private final String mappings;

    Target(
        String namespace,
        String actions,
        String originColumn,
        String origin,
        String controls,
        String mappings) {
      this.namespace = namespace;
      this.actions = actions;
      this.originColumn = originColumn;
      this.origin = origin;
      this.controls = controls;
      this.mappings = mappings;
    }
  }

  /** A version's checked content, and the library actions it references. */
  record Version(DraftCheck.Checked checked, Set<String> library) {}

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  /**
   * Checks a version's content whole against the actions the library (and, for a tenant, the
   * tenant) already have; a new template's header too when {@code earlier} (its key's and extended
   * template's faults) is given, reported with the rest. A new version may write again the actions
   * its template {@code owns} (template updates take their new content when a group accepts).
   *
   * @param reservedControls control ids the draft may not use (those of the template it extends)
   */
  Version check(
      Target target,
      TemplateDraft draft,
      List<Violation> earlier,
      Set<String> reservedControls,
      Map<String, ActionContent> owns) {
    Set<String> referenced = new LinkedHashSet<>();
    draft.actions().stream()
        .filter(Objects::nonNull)
        .forEach(action -> referenced.add(action.key()));
    draft.controls().stream()
        .filter(Objects::nonNull)
        .forEach(control -> referenced.addAll(control.actions()));
    referenced.remove(null);
    Set<String> library = keys("SELECT action_key FROM platform.library_action", referenced);
    Set<String> known = new HashSet<>(library);
    if (target == Target.TENANT) {
      known.addAll(keys("SELECT action_key FROM action", referenced));
    }
    DraftCheck.Checked checked =
        earlier == null
            ? DraftCheck.checkVersion(target.namespace, draft, known, owns, reservedControls)
            : DraftCheck.checkNew(target.namespace, draft, earlier, known, reservedControls);
    return new Version(checked, library);
  }

  /**
   * Writes a version's content under {@code versionId} (already inserted by the caller): its new
   * actions, its controls after {@code positionAfter}, and their mappings.
   */
  void write(Target target, long versionId, Version content, int positionAfter) {
    DraftCheck.Checked checked = content.checked();
    JsonArrayBuilder actions = Json.createArrayBuilder();
    for (DraftCheck.NewAction action : checked.actions()) {
      if (action.revision()) {
        // an action the template owns, written again: the catalogue keeps it until a group accepts
        continue;
      }
      actions.add(
          Json.createObjectBuilder()
              .add("action_key", action.key())
              .add("title", action.title())
              .add("description", action.description())
              .add("how_to", action.howTo() == null ? "" : action.howTo())
              .add("action_type", action.type().name())
              .add("points", action.points())
              .add("category", action.category())
              .add("solution", action.solution() == null ? "" : action.solution())
              .add("managed_by", action.managedBy().name())
              .add("testing_source", action.testingSource())
              .add("test_rule", action.test() == null ? JsonValue.NULL : action.test().json()));
    }
    em.createNativeQuery(
            "INSERT INTO "
                + target.actions
                + " (action_key, "
                + target.originColumn
                + "title, description, how_to, action_type, points, category, solution,"
                + " testing_source, managed_by, test_rule) SELECT a.action_key, "
                + target.origin
                + "a.title, a.description, nullif(a.how_to, ''), a.action_type, a.points,"
                + " a.category, nullif(a.solution, ''), a.testing_source, a.managed_by, a.test_rule"
                + " FROM json_to_recordset(CAST(?1 AS json)) AS a(action_key text, title text,"
                + " description text, how_to text, action_type text, points integer,"
                + " category text, solution text, managed_by text, testing_source text,"
                + " test_rule jsonb)")
        .setParameter(1, actions.build().toString())
        .executeUpdate();
    if (target == Target.TENANT && !content.library().isEmpty()) {
      // a copy keeps the points, type and responsibility it was taken with
      em.createNativeQuery(
              LibraryActions.copyWhere("la.action_key = ANY (string_to_array(?1, ','))"))
          .setParameter(1, String.join(",", content.library()))
          .executeUpdate();
    }
    JsonArrayBuilder controls = Json.createArrayBuilder();
    JsonArrayBuilder mappings = Json.createArrayBuilder();
    for (DraftCheck.NewControl control : checked.controls()) {
      controls.add(
          Json.createObjectBuilder()
              .add("control_id", control.id())
              .add("family", control.family())
              .add("title", control.title())
              .add("description", control.description())
              .add("mandatory", control.mandatory())
              .add("nature", control.nature().name())
              .add("position", positionAfter + control.position()));
      control
          .actions()
          .forEach(
              action ->
                  mappings.add(
                      Json.createObjectBuilder()
                          .add("control_id", control.id())
                          .add("action_key", action)));
    }
    em.createNativeQuery(
            "INSERT INTO "
                + target.controls
                + " (version_id, control_id, family, title, description, mandatory, nature,"
                + " position) SELECT ?1, c.control_id, c.family, c.title, c.description, c.mandatory,"
                + " c.nature, c.position FROM json_to_recordset(CAST(?2 AS json)) AS c(control_id text,"
                + " family text, title text, description text, mandatory boolean, nature text,"
                + " position integer)")
        .setParameter(1, versionId)
        .setParameter(2, controls.build().toString())
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO "
                + target.mappings
                + " (control_id, action_id) SELECT c.id, a.id"
                + " FROM json_to_recordset(CAST(?2 AS json)) AS m(control_id text, action_key text)"
                + " JOIN "
                + target.controls
                + " c ON c.version_id = ?1 AND c.control_id = m.control_id"
                + " JOIN "
                + target.actions
                + " a ON a.action_key = m.action_key")
        .setParameter(1, versionId)
        .setParameter(2, mappings.build().toString())
        .executeUpdate();
  }

  private Set<String> keys(String select, Set<String> among) {
    if (among.isEmpty()) {
      return Set.of();
    }
    return ((List<?>)
            em.createNativeQuery(select + " WHERE action_key = ANY (string_to_array(?1, ','))")
                .setParameter(
                    1,
                    among.stream()
                        .filter(key -> !key.contains(","))
                        .collect(Collectors.joining(",")))
                .getResultList())
        .stream().map(String.class::cast).collect(Collectors.toSet());
  }
}
