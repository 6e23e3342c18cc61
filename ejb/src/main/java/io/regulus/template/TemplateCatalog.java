package io.regulus.template;

import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The templates a tenant sees: the global library (platform schema), the templates its firm pushed
 * to it (platform rows of the firm, their versions up to the one last pushed: {@code
 * platform.template_grant}) and its own private templates and extensions (its schema), read in the
 * tenant's transaction. A private key is refused when the library has it, but the library may
 * publish one later that a tenant already holds: the tenant's own then keeps the key for it, so a
 * key names one template in a tenant.
 */
@ApplicationScoped
public class TemplateCatalog {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /**
   * The templates the tenant can build assessments from: the library's, its firm's pushed to it,
   * and its own. A key the tenant's own template holds is the tenant's: a library or firm template
   * published later under the same key is not listed for it (the tenant keeps what it built on).
   */
  public List<TemplateSummary> available(ActiveTenant tenant) {
    binding.bind(em, tenant);
    List<TemplateSummary> own = new ArrayList<>();
    for (Object[] row :
        rows(
            "SELECT t.template_key, t.title, t.regulation, t.description, t.extends_key,"
                + " string_agg(v.version::text, ',' ORDER BY v.version)"
                + " FROM private_template t JOIN private_template_version v ON v.template_id = t.id"
                + " GROUP BY t.id ORDER BY t.template_key")) {
      String extendsKey = (String) row[4];
      own.add(
          new TemplateSummary(
              (String) row[0],
              (String) row[1],
              (String) row[2],
              (String) row[3],
              extendsKey == null ? TemplateSummary.Kind.PRIVATE : TemplateSummary.Kind.EXTENSION,
              extendsKey,
              versions(row[5])));
    }
    java.util.Set<String> owned =
        own.stream().map(TemplateSummary::key).collect(java.util.stream.Collectors.toSet());
    List<TemplateSummary> templates = new ArrayList<>();
    addUnowned(
        templates,
        rows(
            "SELECT t.template_key, t.title, t.regulation, t.description,"
                + " string_agg(v.version, ',' ORDER BY v.published_at, v.id)"
                + " FROM platform.template t JOIN platform.template_version v ON v.template_id = t.id"
                + " WHERE t.firm_id IS NULL GROUP BY t.id ORDER BY t.template_key"),
        TemplateSummary.Kind.GLOBAL,
        owned);
    addUnowned(templates, firmRows(tenant), TemplateSummary.Kind.FIRM, owned);
    templates.addAll(own);
    return templates;
  }

  /** The library's or the firm's templates of {@code rows} whose keys the tenant does not own. */
  private static void addUnowned(
      List<TemplateSummary> templates,
      List<Object[]> rows,
      TemplateSummary.Kind kind,
      java.util.Set<String> owned) {
    for (Object[] row : rows) {
      if (!owned.contains((String) row[0])) {
        templates.add(
            new TemplateSummary(
                (String) row[0],
                (String) row[1],
                (String) row[2],
                (String) row[3],
                kind,
                null,
                versions(row[4])));
      }
    }
  }

  public Optional<TemplateSummary> find(ActiveTenant tenant, String key) {
    return available(tenant).stream().filter(template -> template.key().equals(key)).findFirst();
  }

  /**
   * The version an assessment is built from. {@code version} null means the latest; for an
   * extension it is the global template's version, and the extension's latest version is added on
   * top.
   */
  public ResolvedTemplate resolve(ActiveTenant tenant, String key, String version) {
    TemplateSummary template =
        find(tenant, key)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        new Violation(
                            "template",
                            "no template '"
                                + key
                                + "' in the library or in this tenant; GET /tenants/{tenant}/templates"
                                + " lists the templates you can use")));
    return switch (template.kind()) {
      case GLOBAL, FIRM -> {
        String chosen = chosen(template, version);
        yield new ResolvedTemplate(
            key, chosen, template.regulation(), globalVersionId(key, chosen), null, null, null);
      }
      case PRIVATE -> {
        String chosen = chosen(template, version);
        yield new ResolvedTemplate(
            key,
            chosen,
            template.regulation(),
            null,
            null,
            null,
            privateVersionId(key, Integer.parseInt(chosen)));
      }
      case EXTENSION -> {
        TemplateSummary global = find(tenant, template.extendsKey()).orElseThrow();
        String chosen = chosen(global, version);
        int extension = Integer.parseInt(template.latest());
        yield new ResolvedTemplate(
            global.key(),
            chosen,
            template.regulation(),
            globalVersionId(global.key(), chosen),
            key,
            extension,
            privateVersionId(key, extension));
      }
    };
  }

  /**
   * The controls of a resolved template, as an assessment built from it now would snapshot them:
   * the global version's, then the private version's (an extension's after the template's own).
   */
  public List<TemplateControl> controls(ActiveTenant tenant, ResolvedTemplate template) {
    binding.bind(em, tenant);
    List<TemplateControl> controls = new ArrayList<>();
    if (template.globalVersionId() != null) {
      controls.addAll(
          controls(
              "SELECT c.control_id, c.family, c.title, c.description, c.mandatory, c.nature,"
                  + " string_agg(a.action_key, ',' ORDER BY a.action_key)"
                  + " FROM platform.template_control c"
                  + " LEFT JOIN platform.template_control_action m ON m.control_id = c.id"
                  + " LEFT JOIN platform.library_action a ON a.id = m.action_id"
                  + " WHERE c.version_id = ?1 GROUP BY c.id ORDER BY c.position, c.control_id",
              template.globalVersionId(),
              false));
    }
    if (template.privateVersionId() != null) {
      controls.addAll(
          controls(
              "SELECT c.control_id, c.family, c.title, c.description, c.mandatory, c.nature,"
                  + " string_agg(a.action_key, ',' ORDER BY a.action_key)"
                  + " FROM private_control c"
                  + " LEFT JOIN private_control_action m ON m.control_id = c.id"
                  + " LEFT JOIN action a ON a.id = m.action_id"
                  + " WHERE c.version_id = ?1 GROUP BY c.id ORDER BY c.position, c.control_id",
              template.privateVersionId(),
              template.extensionKey() != null));
    }
    return controls;
  }

  private List<TemplateControl> controls(String sql, long versionId, boolean fromExtension) {
    return ((List<?>) em.createNativeQuery(sql).setParameter(1, versionId).getResultList())
        .stream().map(Object[].class::cast).map(row -> control(row, fromExtension)).toList();
  }

  /**
   * A control from a row of id, family, title, description, mandatory, nature and its action keys
   * joined by commas (keys never hold one).
   */
  public static TemplateControl control(Object[] row, boolean fromExtension) {
    return new TemplateControl(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (Boolean) row[4],
        (String) row[5],
        fromExtension,
        row[6] == null ? List.of() : List.of(((String) row[6]).split(",")));
  }

  /** The control ids of a global template's latest version: an extension may not reuse them. */
  List<String> globalControlIds(String key) {
    return em
        .createNativeQuery(
            "SELECT c.control_id FROM platform.template_control c WHERE c.version_id = ("
                + " SELECT v.id FROM platform.template_version v JOIN platform.template t ON t.id = v.template_id"
                + " WHERE t.template_key = ?1 ORDER BY v.published_at DESC, v.id DESC LIMIT 1)")
        .setParameter(1, key)
        .getResultList()
        .stream()
        .map(String.class::cast)
        .toList();
  }

  /**
   * The firm templates pushed to the tenant, each with its versions published up to the one pushed.
   */
  @SuppressWarnings("unchecked")
  private List<Object[]> firmRows(ActiveTenant tenant) {
    return em.createNativeQuery(
            "SELECT t.template_key, t.title, t.regulation, t.description,"
                + " string_agg(v.version, ',' ORDER BY v.published_at, v.id)"
                + " FROM platform.template_grant g"
                + " JOIN platform.tenant tn ON tn.id = g.tenant_id AND tn.slug = ?1"
                + " JOIN platform.template t ON t.id = g.template_id"
                + " JOIN platform.template_version gv ON gv.id = g.version_id"
                + " JOIN platform.template_version v ON v.template_id = t.id"
                + " AND (v.published_at, v.id) <= (gv.published_at, gv.id)"
                + " GROUP BY t.id ORDER BY t.template_key")
        .setParameter(1, tenant.slug().value())
        .getResultList();
  }

  private static String chosen(TemplateSummary template, String version) {
    if (version == null || version.isBlank()) {
      return template.latest();
    }
    if (!template.versions().contains(version.strip())) {
      throw new InvalidInputException(
          new Violation(
              "version",
              "template '"
                  + template.key()
                  + "' has no published"
                  + " version '"
                  + version
                  + "'; its versions are "
                  + String.join(", ", template.versions())
                  + " (leave version out for the latest)"));
    }
    return version.strip();
  }

  private long globalVersionId(String key, String version) {
    return versionId("platform.template_version", "platform.template", key, version);
  }

  private long privateVersionId(String key, int version) {
    return versionId("private_template_version", "private_template", key, version);
  }

  /** The id of a template's version, in the library's tables or the tenant's. */
  private long versionId(String versions, String templates, String key, Object version) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT v.id FROM "
                        + versions
                        + " v JOIN "
                        + templates
                        + " t ON t.id = v.template_id WHERE t.template_key = ?1 AND v.version = ?2")
                .setParameter(1, key)
                .setParameter(2, version)
                .getSingleResult())
        .longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }

  private static List<String> versions(Object aggregated) {
    return aggregated == null ? List.of() : Arrays.asList(((String) aggregated).split(","));
  }
}
