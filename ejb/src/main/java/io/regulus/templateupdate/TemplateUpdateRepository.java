package io.regulus.templateupdate;

import io.regulus.template.TemplateCatalog;
import io.regulus.template.TemplateControl;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's assessments by group and template, their snapshots, and the groups' decisions about
 * updates (template_update_decision).
 */
@ApplicationScoped
public class TemplateUpdateRepository {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** A group's assessments built from one template (the key they were built from). */
  record Built(long groupId, String group, String template, List<TemplateUpdate.Member> members) {}

  /** Every group's assessments, by group and template, in group and template order. */
  List<Built> built(ActiveTenant tenant) {
    binding.bind(em, tenant);
    Map<String, Built> built = new LinkedHashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT a.group_id, g.name, coalesce(a.extension_key, a.template_key), a.id, a.name,"
                    + " a.template_version, a.extension_version FROM assessment a"
                    + " JOIN assessment_group g ON g.id = a.group_id"
                    + " ORDER BY lower(g.name), g.id, 3, lower(a.name), a.id")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      long groupId = ((Number) columns[0]).longValue();
      String template = (String) columns[2];
      Built entry =
          built.computeIfAbsent(
              groupId + "/" + template,
              key -> new Built(groupId, (String) columns[1], template, new ArrayList<>()));
      entry
          .members()
          .add(
              new TemplateUpdate.Member(
                  ((Number) columns[3]).longValue(),
                  (String) columns[4],
                  (String) columns[5],
                  columns[6] == null ? null : ((Number) columns[6]).intValue()));
    }
    return List.copyOf(built.values());
  }

  /** The group's deferral of exactly that version, if its newest decision about it is one. */
  Optional<TemplateUpdate.Deferral> deferral(
      ActiveTenant tenant, long groupId, String template, String version, Integer extension) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT decision, to_version, to_extension, decided_by, decided_by_name, decided_at"
                        + " FROM template_update_decision WHERE group_id = ?1 AND template_key = ?2"
                        + " ORDER BY id DESC LIMIT 1")
                .setParameter(1, groupId)
                .setParameter(2, template)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .filter(
                row ->
                    "DEFERRED".equals(row[0])
                        && version.equals(row[1])
                        && java.util.Objects.equals(
                            extension, row[2] == null ? null : ((Number) row[2]).intValue()))
            .map(
                row ->
                    new TemplateUpdate.Deferral(
                        (String) row[3],
                        (String) row[4],
                        ((java.sql.Timestamp) row[5]).toInstant()))
            .findFirst();
  }

  void decide(
      ActiveTenant tenant, TemplateUpdate update, String decision, String by, String byName) {
    binding.bind(em, tenant);
    em.createNativeQuery(
            "INSERT INTO template_update_decision (group_id, template_key, from_versions, to_version,"
                + " to_extension, decision, decided_by, decided_by_name, decided_at)"
                + " VALUES (?1, ?2, left(?3, 400), ?4, CAST(?5 AS integer), ?6, ?7, ?8, now())")
        .setParameter(1, update.groupId())
        .setParameter(2, update.template())
        .setParameter(3, update.from())
        .setParameter(4, update.toVersion())
        .setParameter(5, update.toExtensionVersion())
        .setParameter(6, decision)
        .setParameter(7, by)
        .setParameter(8, byName)
        .executeUpdate();
  }

  /** An assessment's snapshot: its controls with their action keys, in template order. */
  List<TemplateControl> snapshot(ActiveTenant tenant, long assessmentId) {
    binding.bind(em, tenant);
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT ac.control_id, ac.family, ac.title, ac.description, ac.mandatory, ac.nature,"
                        + " string_agg(a.action_key, ',' ORDER BY a.action_key), ac.from_extension"
                        + " FROM assessment_control ac"
                        + " LEFT JOIN assessment_control_action aca ON aca.control_id = ac.id"
                        + " LEFT JOIN action a ON a.id = aca.action_id WHERE ac.assessment_id = ?1"
                        + " GROUP BY ac.id ORDER BY ac.position, ac.control_id")
                .setParameter(1, assessmentId)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(row -> TemplateCatalog.control(row, (Boolean) row[7]))
            .toList();
  }

  /**
   * Marks the group changed (its version moves on), so every node's kept scores and lists of the
   * tenant are read again: a snapshot replaced in place moves no count.
   */
  void touchGroup(ActiveTenant tenant, long groupId) {
    binding.bind(em, tenant);
    em.createNativeQuery("UPDATE assessment_group SET version = version + 1 WHERE id = ?1")
        .setParameter(1, groupId)
        .executeUpdate();
  }
}
