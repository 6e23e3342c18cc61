package io.regulus.template;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.signal.RuleDefinition;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

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
  @Inject private DraftWriter writer;

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
    DraftWriter.Version checked = check(draft, violations, extendsKey, Map.of());
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
   * Checks a version's content whole; a new template's header too when {@code earlier} is given. An
   * extension may not reuse its global template's control ids; a new version may write again the
   * actions its template {@code owns}.
   */
  private DraftWriter.Version check(
      TemplateDraft draft,
      List<Violation> earlier,
      String extendsKey,
      Map<String, ActionContent> owns) {
    Set<String> reserved =
        extendsKey == null ? Set.of() : Set.copyOf(catalog.globalControlIds(extendsKey));
    return writer.check(DraftWriter.Target.TENANT, draft, earlier, reserved, owns);
  }

  private void writeVersion(
      long templateId, int version, TenantCaller caller, DraftWriter.Version content) {
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
    writer.write(DraftWriter.Target.TENANT, versionId, content, 0);
    declare(versionId, content.checked().actions());
  }

  /**
   * Records the content this version writes for each action it declares (new, or written again):
   * the catalogue takes it when a group accepts the version ({@link ActionRevisions}).
   */
  private void declare(long versionId, List<DraftCheck.NewAction> actions) {
    for (DraftCheck.NewAction action : actions) {
      em.createNativeQuery(
              "INSERT INTO private_version_action (version_id, action_id, title, description, how_to,"
                  + " action_type, points, category, solution, test_rule) SELECT ?1, a.id, ?3, ?4, ?5, ?6,"
                  + " ?7, ?8, ?9, CAST(?10 AS jsonb) FROM action a WHERE a.action_key = ?2")
          .setParameter(1, versionId)
          .setParameter(2, action.key())
          .setParameter(3, action.title())
          .setParameter(4, action.description())
          .setParameter(5, action.howTo())
          .setParameter(6, action.type().name())
          .setParameter(7, action.points())
          .setParameter(8, action.category())
          .setParameter(9, action.solution())
          .setParameter(10, RuleDefinition.stored(action.test()))
          .executeUpdate();
    }
  }
}
