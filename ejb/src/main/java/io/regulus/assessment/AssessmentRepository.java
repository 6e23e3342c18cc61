package io.regulus.assessment;

import io.regulus.scoring.ControlResponsibility;
import io.regulus.scoring.ManagedBy;
import io.regulus.template.LibraryActions;
import io.regulus.template.ResolvedTemplate;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Assessments in a tenant's schema, and their snapshot: creating one copies its template version's
 * controls and mappings (and the library actions they need) with a handful of INSERT ... SELECT
 * statements, whatever the size.
 */
@ApplicationScoped
public class AssessmentRepository {

  private static final String SELECT =
      "SELECT a.id, a.group_id, g.name, a.name, a.template_key, a.template_version, a.extension_key,"
          + " a.extension_version, a.regulation, a.scope_kind, a.scope_name, a.created_at, a.created_by"
          + " FROM assessment a JOIN assessment_group g ON g.id = a.group_id";

  /** Extension controls sort after the template's own. */
  private static final int EXTENSION_POSITION = 1_000_000;

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  public List<Assessment> inGroup(ActiveTenant tenant, long groupId) {
    binding.bind(em, tenant);
    return rows(
        em.createNativeQuery(SELECT + " WHERE a.group_id = ?1 ORDER BY lower(a.name), a.id")
            .setParameter(1, groupId)
            .getResultList());
  }

  public Optional<Assessment> find(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return rows(
            em.createNativeQuery(SELECT + " WHERE a.id = ?1").setParameter(1, id).getResultList())
        .stream()
        .findFirst();
  }

  /** The assessment's controls in template order, each with its action keys. */
  public List<AssessmentControl> controls(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT ac.control_id, ac.family, ac.title, ac.description, ac.mandatory, ac.nature,"
                        + " string_agg(DISTINCT a.managed_by, ','), ac.from_extension,"
                        + " string_agg(a.action_key, ',' ORDER BY a.action_key),"
                        + " min(coalesce(tc.source_url, v.source_url))"
                        + " FROM assessment_control ac JOIN assessment s ON s.id = ac.assessment_id"
                        // the official text: the global version's link for the control, else for
                        // the version
                        + " LEFT JOIN platform.template t ON t.template_key = s.template_key"
                        + " LEFT JOIN platform.template_version v ON v.template_id = t.id"
                        + " AND v.version = s.template_version AND NOT ac.from_extension"
                        + " LEFT JOIN platform.template_control tc ON tc.version_id = v.id"
                        + " AND tc.control_id = ac.control_id"
                        + " LEFT JOIN assessment_control_action aca ON aca.control_id = ac.id"
                        + " LEFT JOIN action a ON a.id = aca.action_id"
                        + " WHERE ac.assessment_id = ?1 GROUP BY ac.id ORDER BY ac.position, ac.control_id")
                .setParameter(1, id)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                row ->
                    new AssessmentControl(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        (Boolean) row[4],
                        (String) row[5],
                        responsibility((String) row[6]),
                        (Boolean) row[7],
                        row[8] == null ? List.of() : List.of(((String) row[8]).split(",")),
                        (String) row[9]))
            .toList();
  }

  /** A control's responsibility from the distinct responsibilities of its actions. */
  private static ControlResponsibility responsibility(String actions) {
    return ControlResponsibility.of(
        actions == null
            ? List.of()
            : java.util.Arrays.stream(actions.split(",")).map(ManagedBy::valueOf).toList());
  }

  public boolean nameTaken(ActiveTenant tenant, long groupId, String name) {
    binding.bind(em, tenant);
    return !em.createNativeQuery(
            "SELECT 1 FROM assessment WHERE group_id = ?1 AND lower(name) = lower(?2)")
        .setParameter(1, groupId)
        .setParameter(2, name)
        .getResultList()
        .isEmpty();
  }

  /**
   * The name of the group's assessment of that template (or extension) and scope, if there is one.
   */
  public Optional<String> sameTemplateAndScope(
      ActiveTenant tenant,
      long groupId,
      String builtFrom,
      Assessment.Scope scope,
      String scopeName) {
    binding.bind(em, tenant);
    return em
        .createNativeQuery(
            "SELECT name FROM assessment WHERE group_id = ?1 AND coalesce(extension_key, template_key) = ?2"
                + " AND scope_kind = ?3 AND lower(scope_name) = lower(?4)")
        .setParameter(1, groupId)
        .setParameter(2, builtFrom)
        .setParameter(3, scope.name())
        .setParameter(4, scopeName)
        .getResultList()
        .stream()
        .map(String.class::cast)
        .findFirst();
  }

  /** Adds the assessment and its snapshot; returns its id. */
  public long add(
      ActiveTenant tenant,
      long groupId,
      NewAssessment request,
      ResolvedTemplate template,
      String by) {
    binding.bind(em, tenant);
    long id =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO assessment (group_id, name, template_key, template_version, extension_key,"
                            + " extension_version, regulation, scope_kind, scope_name, created_at, created_by)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS integer), ?7, ?8, ?9, now(), ?10) RETURNING id")
                    .setParameter(1, groupId)
                    .setParameter(2, request.name())
                    .setParameter(3, template.templateKey())
                    .setParameter(4, template.version())
                    .setParameter(5, template.extensionKey())
                    .setParameter(6, template.extensionVersion())
                    .setParameter(7, template.regulation())
                    .setParameter(8, request.scope().name())
                    .setParameter(9, request.scopeName())
                    .setParameter(10, by)
                    .getSingleResult())
            .longValue();
    snapshot(id, template);
    return id;
  }

  /**
   * Moves the assessment to another version of its template: its snapshot is replaced by the
   * version's controls and mappings (and the library actions they need are copied in). The action
   * instances are the caller's to bring in line.
   */
  public void moveTo(ActiveTenant tenant, long id, ResolvedTemplate template) {
    binding.bind(em, tenant);
    em.createNativeQuery(
            "UPDATE assessment SET template_version = ?2, extension_version = CAST(?3 AS integer),"
                + " regulation = ?4 WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, template.version())
        .setParameter(3, template.extensionVersion())
        .setParameter(4, template.regulation())
        .executeUpdate();
    em.createNativeQuery("DELETE FROM assessment_control WHERE assessment_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    snapshot(id, template);
  }

  private void snapshot(long id, ResolvedTemplate template) {
    if (template.globalVersionId() != null) {
      snapshotGlobal(id, template.globalVersionId());
    }
    if (template.privateVersionId() != null) {
      snapshotPrivate(id, template.privateVersionId(), template.extensionKey() != null);
    }
  }

  /**
   * Control ids an extension's version shares with a global version: the two cannot go into one
   * assessment.
   */
  public List<String> clashingControls(ActiveTenant tenant, ResolvedTemplate template) {
    binding.bind(em, tenant);
    if (template.globalVersionId() == null || template.privateVersionId() == null) {
      return List.of();
    }
    return em
        .createNativeQuery(
            "SELECT pc.control_id FROM private_control pc JOIN platform.template_control tc"
                + " ON tc.control_id = pc.control_id AND tc.version_id = ?1 WHERE pc.version_id = ?2"
                + " ORDER BY pc.control_id")
        .setParameter(1, template.globalVersionId())
        .setParameter(2, template.privateVersionId())
        .getResultList()
        .stream()
        .map(String.class::cast)
        .toList();
  }

  public void remove(ActiveTenant tenant, long id) {
    binding.bind(em, tenant);
    em.createNativeQuery("DELETE FROM assessment WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  private void snapshotGlobal(long assessmentId, long versionId) {
    em.createNativeQuery(
            LibraryActions.copyWhere(
                "la.id IN (SELECT tca.action_id FROM platform.template_control tc"
                    + " JOIN platform.template_control_action tca ON tca.control_id = tc.id"
                    + " WHERE tc.version_id = ?1)"))
        .setParameter(1, versionId)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO assessment_control (assessment_id, control_id, family, title, description, mandatory,"
                + " nature, position, from_extension) SELECT ?1, tc.control_id, tc.family, tc.title,"
                + " tc.description, tc.mandatory, tc.nature, tc.position, false"
                + " FROM platform.template_control tc WHERE tc.version_id = ?2")
        .setParameter(1, assessmentId)
        .setParameter(2, versionId)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO assessment_control_action (control_id, action_id) SELECT ac.id, a.id"
                + " FROM platform.template_control tc"
                + " JOIN platform.template_control_action tca ON tca.control_id = tc.id"
                + " JOIN platform.library_action la ON la.id = tca.action_id"
                + " JOIN action a ON a.action_key = la.action_key"
                + " JOIN assessment_control ac ON ac.assessment_id = ?1 AND ac.control_id = tc.control_id"
                + " WHERE tc.version_id = ?2")
        .setParameter(1, assessmentId)
        .setParameter(2, versionId)
        .executeUpdate();
  }

  private void snapshotPrivate(long assessmentId, long versionId, boolean extension) {
    em.createNativeQuery(
            "INSERT INTO assessment_control (assessment_id, control_id, family, title, description, mandatory,"
                + " nature, position, from_extension) SELECT ?1, pc.control_id, pc.family, pc.title,"
                + " pc.description, pc.mandatory, pc.nature, pc.position + ?3, ?4"
                + " FROM private_control pc WHERE pc.version_id = ?2")
        .setParameter(1, assessmentId)
        .setParameter(2, versionId)
        .setParameter(3, extension ? EXTENSION_POSITION : 0)
        .setParameter(4, extension)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO assessment_control_action (control_id, action_id) SELECT ac.id, pca.action_id"
                + " FROM private_control pc JOIN private_control_action pca ON pca.control_id = pc.id"
                + " JOIN assessment_control ac ON ac.assessment_id = ?1 AND ac.control_id = pc.control_id"
                + " WHERE pc.version_id = ?2")
        .setParameter(1, assessmentId)
        .setParameter(2, versionId)
        .executeUpdate();
  }

  private static List<Assessment> rows(List<?> rows) {
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new Assessment(
                    ((Number) row[0]).longValue(),
                    ((Number) row[1]).longValue(),
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    row[7] == null ? null : ((Number) row[7]).intValue(),
                    (String) row[8],
                    Assessment.Scope.valueOf((String) row[9]),
                    (String) row[10],
                    ((java.sql.Timestamp) row[11]).toInstant(),
                    (String) row[12]))
        .toList();
  }
}
