package io.regulus.template;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.tenancy.FirmSlug;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A consulting firm's templates: rows of the platform's library marked with the firm, versioned 1,
 * 2, ..., seen by a client only once pushed to it ({@code TemplatePushService}). A firm template is
 * its own, or an extension of a global template: an extension's version is flattened when
 * published, the global template's latest controls followed by the firm's, so that clients get one
 * self-contained version (a later global version reaches them with the firm's next version).
 */
@Stateless
@Guarded
public class FirmTemplateService {

  private static final Logger LOG = Logger.getLogger(FirmTemplateService.class.getName());

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private DraftWriter writer;
  @Inject private TemplateCatalog catalog;

  /** The firm's templates with their versions, oldest first; {@code extendsKey} for extensions. */
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public List<TemplateSummary> templates(Caller caller, FirmSlug firm) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT t.template_key, t.title, t.regulation, t.description, t.extends_key,"
                    + " string_agg(v.version, ',' ORDER BY v.published_at, v.id)"
                    + " FROM platform.template t JOIN platform.firm f ON f.id = t.firm_id"
                    + " JOIN platform.template_version v ON v.template_id = t.id"
                    + " WHERE f.slug = ?1 GROUP BY t.id ORDER BY t.template_key")
            .setParameter(1, firm.value())
            .getResultList();
    List<TemplateSummary> templates = new ArrayList<>();
    for (Object[] row : rows) {
      templates.add(
          new TemplateSummary(
              (String) row[0],
              (String) row[1],
              (String) row[2],
              (String) row[3],
              TemplateSummary.Kind.FIRM,
              (String) row[4],
              Arrays.asList(((String) row[5]).split(","))));
    }
    return templates;
  }

  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public TemplateSummary template(Caller caller, FirmSlug firm, String key) {
    return templates(caller, firm).stream()
        .filter(template -> template.key().equals(key))
        .findFirst()
        .orElseThrow(() -> notFound(firm, key));
  }

  /** A new firm template with its version 1 (an extension when the draft names a global one). */
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public TemplateSummary create(Caller caller, FirmSlug firm, TemplateDraft draft) {
    List<Violation> violations = new ArrayList<>();
    String key = draft.key() == null ? "" : draft.key().strip();
    if (!DraftCheck.KEY.matcher(key).matches() || key.length() > DraftCheck.KEY_MAX) {
      violations.add(
          new Violation(
              "key",
              "a template key is lower-case words and digits joined by '-', at most "
                  + DraftCheck.KEY_MAX
                  + " characters, e.g. 'northwind-privacy-playbook'"));
    }
    String extendsKey =
        draft.extendsKey() == null || draft.extendsKey().isBlank()
            ? null
            : draft.extendsKey().strip();
    if (extendsKey != null && globalLatest(extendsKey) == null) {
      violations.add(
          new Violation(
              "extends",
              "a firm template extends a global template, and '"
                  + extendsKey
                  + "' is none; GET /platform/templates or a client's templates list them"));
      extendsKey = null;
    }
    DraftWriter.Version checked =
        writer.check(DraftWriter.Target.LIBRARY, draft, violations, reserved(extendsKey), Map.of());
    List<?> inserted =
        em.createNativeQuery(
                "INSERT INTO platform.template (template_key, title, regulation, description,"
                    + " firm_id, extends_key) SELECT ?1, ?2, ?3, ?4, f.id, ?6"
                    + " FROM platform.firm f WHERE f.slug = ?5"
                    + " ON CONFLICT (template_key) DO NOTHING RETURNING id")
            .setParameter(1, key)
            .setParameter(2, draft.title().strip())
            .setParameter(3, draft.regulation().strip())
            .setParameter(4, draft.description())
            .setParameter(5, firm.value())
            .setParameter(6, extendsKey)
            .getResultList();
    if (inserted.isEmpty()) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "A template '"
              + key
              + "' already exists in the library (global, or a firm's). Choose another key, or"
              + " publish a new version of yours.",
          "key");
    }
    long id = ((Number) inserted.get(0)).longValue();
    writeVersion(id, "1", extendsKey, checked);
    LOG.info(() -> "firm " + firm + ": template " + key + " created by " + caller.id());
    return template(caller, firm, key);
  }

  /** The firm template's next version, from its whole content. */
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public TemplateSummary publish(Caller caller, FirmSlug firm, String key, TemplateDraft draft) {
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT t.id, t.extends_key FROM platform.template t"
                    + " JOIN platform.firm f ON f.id = t.firm_id"
                    + " WHERE f.slug = ?1 AND t.template_key = ?2 FOR UPDATE OF t")
            .setParameter(1, firm.value())
            .setParameter(2, key)
            .getResultList();
    if (found.isEmpty()) {
      throw notFound(firm, key);
    }
    long id = ((Number) found.get(0)[0]).longValue();
    String extendsKey = (String) found.get(0)[1];
    DraftWriter.Version checked =
        writer.check(DraftWriter.Target.LIBRARY, draft, null, reserved(extendsKey), Map.of());
    List<?> labels =
        em.createNativeQuery("SELECT version FROM platform.template_version WHERE template_id = ?1")
            .setParameter(1, id)
            .getResultList();
    int next = labels.size() + 1;
    while (labels.contains(String.valueOf(next))) {
      next++;
    }
    String label = String.valueOf(next);
    writeVersion(id, label, extendsKey, checked);
    LOG.info(() -> "firm " + firm + ": template " + key + " version " + label + " published");
    return template(caller, firm, key);
  }

  private Set<String> reserved(String extendsKey) {
    return extendsKey == null ? Set.of() : Set.copyOf(catalog.globalControlIds(extendsKey));
  }

  /**
   * Inserts the version and writes its content; an extension's version starts with the global
   * template's latest controls and their mappings (flattened), the firm's controls after them.
   */
  private void writeVersion(
      long templateId, String label, String extendsKey, DraftWriter.Version content) {
    long versionId =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO platform.template_version (template_id, version, published_at,"
                            + " content_sha256) VALUES (?1, ?2, clock_timestamp(), ?3) RETURNING id")
                    .setParameter(1, templateId)
                    .setParameter(2, label)
                    .setParameter(3, sha256(extendsKey + "\n" + content.checked()))
                    .getSingleResult())
            .longValue();
    int after = 0;
    Long global = extendsKey == null ? null : globalLatest(extendsKey);
    if (global != null) {
      em.createNativeQuery(
              "INSERT INTO platform.template_control (version_id, control_id, family, title,"
                  + " description, mandatory, nature, position) SELECT ?1, control_id, family,"
                  + " title, description, mandatory, nature, position"
                  + " FROM platform.template_control WHERE version_id = ?2")
          .setParameter(1, versionId)
          .setParameter(2, global)
          .executeUpdate();
      em.createNativeQuery(
              "INSERT INTO platform.template_control_action (control_id, action_id)"
                  + " SELECT mine.id, m.action_id FROM platform.template_control theirs"
                  + " JOIN platform.template_control_action m ON m.control_id = theirs.id"
                  + " JOIN platform.template_control mine ON mine.version_id = ?1"
                  + " AND mine.control_id = theirs.control_id WHERE theirs.version_id = ?2")
          .setParameter(1, versionId)
          .setParameter(2, global)
          .executeUpdate();
      after =
          ((Number)
                  em.createNativeQuery(
                          "SELECT coalesce(max(position), 0) + 1 FROM platform.template_control"
                              + " WHERE version_id = ?1")
                      .setParameter(1, versionId)
                      .getSingleResult())
              .intValue();
    }
    writer.write(DraftWriter.Target.LIBRARY, versionId, content, after);
  }

  /** The id of a global template's latest version, or null when there is no such template. */
  private Long globalLatest(String key) {
    List<?> found =
        em.createNativeQuery(
                "SELECT v.id FROM platform.template_version v JOIN platform.template t"
                    + " ON t.id = v.template_id WHERE t.template_key = ?1 AND t.firm_id IS NULL"
                    + " ORDER BY v.published_at DESC, v.id DESC LIMIT 1")
            .setParameter(1, key)
            .getResultList();
    return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
  }

  private static DomainException notFound(FirmSlug firm, String key) {
    return new DomainException(
        ProblemKind.NOT_FOUND,
        "Firm '" + firm + "' has no template '" + key + "'; the firm's templates list its keys.");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
