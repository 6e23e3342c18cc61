package io.regulus.template;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The templates a tenant sees, and its private templates and extensions: created with their first
 * version, then published version by version. Each version is checked whole ({@link DraftCheck})
 * and written in one transaction; the library actions it references are copied into the tenant's
 * action catalogue.
 */
@Stateless
@Guarded
public class TemplateService {

  private static final Logger LOG = Logger.getLogger(TemplateService.class.getName());

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private TemplateCatalog catalog;
  @Inject private ActionRevisions revisions;

  @Requires(Permission.READ_TENANT)
  public List<TemplateSummary> available(TenantCaller caller) {
    return catalog.available(caller.tenant());
  }

  @Requires(Permission.READ_TENANT)
  public TemplateSummary get(TenantCaller caller, String key) {
    return catalog.find(caller.tenant(), key).orElseThrow(() -> new TemplateNotFoundException(key));
  }

  @Requires(Permission.MANAGE_TEMPLATES)
  public TemplateSummary create(TenantCaller caller, TemplateDraft draft) {
    ActiveTenant tenant = caller.tenant();
    binding.bind(em, tenant);
    em.createNativeQuery("LOCK TABLE private_template IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
    List<Violation> violations = new ArrayList<>();
    String key = draft.key() == null ? "" : draft.key().strip();
    if (!DraftCheck.KEY.matcher(key).matches() || key.length() > DraftCheck.KEY_MAX) {
      violations.add(
          new Violation(
              "key",
              "a template key is lower-case words and digits joined by"
                  + " '-', at most "
                  + DraftCheck.KEY_MAX
                  + " characters, e.g. 'acme-vendor-policy'"));
    } else if (catalog.find(tenant, key).isPresent()) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "A template '"
              + key
              + "' already exists in the library or in"
              + " this tenant. Choose another key, or publish a new version of yours.",
          "key");
    }
    String extendsKey =
        draft.extendsKey() == null || draft.extendsKey().isBlank()
            ? null
            : draft.extendsKey().strip();
    if (extendsKey != null
        && catalog
            .find(tenant, extendsKey)
            .filter(template -> template.kind() == TemplateSummary.Kind.GLOBAL)
            .isEmpty()) {
      violations.add(
          new Violation(
              "extends",
              "an extension extends a global template, and '"
                  + extendsKey
                  + "' is none; GET /tenants/{tenant}/templates lists them"));
      extendsKey = null;
    }
    Version checked = check(draft, violations, extendsKey, Map.of());
    long id =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO private_template (template_key, title, regulation, description, extends_key, created_at,"
                            + " created_by) VALUES (?1, ?2, ?3, ?4, ?5, now(), ?6) RETURNING id")
                    .setParameter(1, key)
                    .setParameter(2, draft.title().strip())
                    .setParameter(3, draft.regulation().strip())
                    .setParameter(4, draft.description())
                    .setParameter(5, extendsKey)
                    .setParameter(6, caller.id())
                    .getSingleResult())
            .longValue();
    writeVersion(id, 1, caller, checked);
    LOG.info(
        () ->
            "tenant " + tenant.slug() + ": private template " + key + " created by " + caller.id());
    return catalog.find(tenant, key).orElseThrow();
  }

  @Requires(Permission.MANAGE_TEMPLATES)
  public TemplateSummary publish(TenantCaller caller, String key, TemplateDraft draft) {
    ActiveTenant tenant = caller.tenant();
    binding.bind(em, tenant);
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT id, extends_key FROM private_template WHERE template_key = ?1 FOR UPDATE")
            .setParameter(1, key)
            .getResultList();
    if (found.isEmpty()) {
      throw new DomainException(
          ProblemKind.NOT_FOUND,
          "This tenant has no private template '"
              + key
              + "'. Global"
              + " templates are published by the platform; create a private template or an extension first.");
    }
    long id = ((Number) found.get(0)[0]).longValue();
    int next =
        ((Number)
                em.createNativeQuery(
                        "SELECT coalesce(max(version), 0) + 1 FROM private_template_version WHERE template_id = ?1")
                    .setParameter(1, id)
                    .getSingleResult())
            .intValue();
    writeVersion(
        id,
        next,
        caller,
        check(draft, null, (String) found.get(0)[1], revisions.ownedBy(tenant, key)));
    LOG.info(
        () ->
            "tenant "
                + tenant.slug()
                + ": private template "
                + key
                + " version "
                + next
                + " published");
    return catalog.find(tenant, key).orElseThrow();
  }

  /**
   * Checks a version's content whole ({@link DraftCheck}) against the actions the library and the
   * tenant already have; a new template's header too when {@code earlier} (its key's and extended
   * template's faults) is given, reported with the rest. A new version may write again the actions
   * its template {@code owns}.
   */
  private Version check(
      TemplateDraft draft,
      List<Violation> earlier,
      String extendsKey,
      Map<String, ActionContent> owns) {
    Set<String> referenced = new LinkedHashSet<>();
    draft.actions().stream()
        .filter(java.util.Objects::nonNull)
        .forEach(action -> referenced.add(action.key()));
    draft.controls().stream()
        .filter(java.util.Objects::nonNull)
        .forEach(control -> referenced.addAll(control.actions()));
    referenced.remove(null);
    Set<String> library = keys("SELECT action_key FROM platform.library_action", referenced);
    Set<String> known = new HashSet<>(library);
    known.addAll(keys("SELECT action_key FROM action", referenced));
    Set<String> reserved =
        extendsKey == null ? Set.of() : Set.copyOf(catalog.globalControlIds(extendsKey));
    DraftCheck.Checked checked =
        earlier == null
            ? DraftCheck.checkVersion(draft, known, owns, reserved)
            : DraftCheck.checkNew(draft, earlier, known, reserved);
    return new Version(checked, library);
  }

  /** A version's checked content, and the library actions it references. */
  private record Version(DraftCheck.Checked checked, Set<String> library) {}

  private void writeVersion(long templateId, int version, TenantCaller caller, Version content) {
    DraftCheck.Checked checked = content.checked();
    Set<String> library = content.library();
    for (DraftCheck.NewAction action : checked.actions()) {
      if (action.revision()) {
        continue;
      }
      em.createNativeQuery(
              "INSERT INTO action (action_key, origin, title, description, how_to, action_type, points, category,"
                  + " solution, testing_source, managed_by)"
                  + " VALUES (?1, 'TENANT', ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'MANUAL', ?9)")
          .setParameter(1, action.key())
          .setParameter(2, action.title())
          .setParameter(3, action.description())
          .setParameter(4, action.howTo())
          .setParameter(5, action.type().name())
          .setParameter(6, action.points())
          .setParameter(7, action.category())
          .setParameter(8, action.solution())
          .setParameter(9, action.managedBy().name())
          .executeUpdate();
    }
    copyLibraryActions(library);
    long versionId =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO private_template_version (template_id, version, published_at, published_by)"
                            + " VALUES (?1, ?2, now(), ?3) RETURNING id")
                    .setParameter(1, templateId)
                    .setParameter(2, version)
                    .setParameter(3, caller.id())
                    .getSingleResult())
            .longValue();
    declare(versionId, checked.actions());
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
              .add("position", control.position()));
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
            "INSERT INTO private_control (version_id, control_id, family, title, description, mandatory, nature,"
                + " position) SELECT ?1, c.control_id, c.family, c.title, c.description, c.mandatory,"
                + " c.nature, c.position FROM json_to_recordset(CAST(?2 AS json)) AS c(control_id text,"
                + " family text, title text, description text, mandatory boolean, nature text,"
                + " position integer)")
        .setParameter(1, versionId)
        .setParameter(2, controls.build().toString())
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO private_control_action (control_id, action_id) SELECT c.id, a.id"
                + " FROM json_to_recordset(CAST(?2 AS json)) AS m(control_id text, action_key text)"
                + " JOIN private_control c ON c.version_id = ?1 AND c.control_id = m.control_id"
                + " JOIN action a ON a.action_key = m.action_key")
        .setParameter(1, versionId)
        .setParameter(2, mappings.build().toString())
        .executeUpdate();
  }

  /**
   * Records the content this version writes for each action it declares (new, or written again):
   * the catalogue takes it when a group accepts the version ({@link ActionRevisions}).
   */
  private void declare(long versionId, List<DraftCheck.NewAction> actions) {
    for (DraftCheck.NewAction action : actions) {
      em.createNativeQuery(
              "INSERT INTO private_version_action (version_id, action_id, title, description, how_to,"
                  + " action_type, points, category, solution) SELECT ?1, a.id, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
                  + " FROM action a WHERE a.action_key = ?2")
          .setParameter(1, versionId)
          .setParameter(2, action.key())
          .setParameter(3, action.title())
          .setParameter(4, action.description())
          .setParameter(5, action.howTo())
          .setParameter(6, action.type().name())
          .setParameter(7, action.points())
          .setParameter(8, action.category())
          .setParameter(9, action.solution())
          .executeUpdate();
    }
  }

  /**
   * Copies library actions into the tenant's catalogue, once: a copy keeps the points, type and
   * responsibility it was taken with.
   */
  private void copyLibraryActions(Set<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    em.createNativeQuery(LibraryActions.copyWhere("la.action_key = ANY (string_to_array(?1, ','))"))
        .setParameter(1, String.join(",", keys))
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
