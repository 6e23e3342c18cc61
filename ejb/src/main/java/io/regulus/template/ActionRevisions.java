package io.regulus.template;

import io.regulus.scoring.ActionType;
import io.regulus.scoring.ManagedBy;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of actions as the tenant's catalogue holds it and as a template version writes it.
 * The catalogue keeps one content per action, shared by every assessment that maps it: it takes a
 * version's content when a group accepts that version or builds an assessment from it ({@link
 * #apply}), and each instance of a changed action gets a line per changed field in its history.
 *
 * <p>A tenant action's content is written by the private template that first declared it, version
 * by version (private_version_action); a library action's texts, points and test rule are the
 * library's (its type and responsibility stay as the tenant's copy took them: either would change
 * its instances).
 */
@ApplicationScoped
public class ActionRevisions {

  private static final String COLUMNS =
      "a.action_key, a.title, a.description, a.how_to, a.action_type, a.points, a.category,"
          + " a.solution, a.managed_by, a.testing_source, CAST(a.test_rule AS text)";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;

  /** The catalogue's content of those actions the tenant has. */
  public Map<String, ActionContent> catalogue(ActiveTenant tenant, Collection<String> keys) {
    binding.bind(em, tenant);
    return contents(
        "SELECT " + COLUMNS + " FROM action a WHERE a.action_key = ANY (string_to_array(?1, ','))",
        keys,
        null);
  }

  /**
   * The content of those actions as the resolved template writes it: a tenant action's as the
   * newest version of its own template up to the resolved one declared it, a library action's as
   * the library has it (texts, points) over the tenant's copy (type, responsibility), and the
   * catalogue's for an action the template does not write.
   */
  public Map<String, ActionContent> target(
      ActiveTenant tenant, ResolvedTemplate template, Collection<String> keys) {
    Map<String, ActionContent> contents = new HashMap<>(catalogue(tenant, keys));
    contents.putAll(
        contents(
            "SELECT la.action_key, la.title, la.description, la.how_to,"
                + " coalesce(a.action_type, la.action_type), la.points, la.category,"
                + " la.solution, coalesce(a.managed_by, la.managed_by),"
                + " coalesce(a.testing_source, la.testing_source), CAST(la.test_rule AS text)"
                + " FROM platform.library_action la LEFT JOIN action a ON a.action_key = la.action_key"
                + " WHERE la.action_key = ANY (string_to_array(?1, ','))",
            keys,
            null));
    if (template.privateVersionId() != null) {
      contents.putAll(
          contents(
              "SELECT DISTINCT ON (a.action_key) a.action_key, r.title, r.description, r.how_to,"
                  + " r.action_type, r.points, r.category, r.solution, a.managed_by,"
                  + " a.testing_source, CAST(r.test_rule AS text)"
                  + " FROM private_version_action r JOIN action a ON a.id = r.action_id"
                  + " JOIN private_template_version v ON v.id = r.version_id"
                  + " JOIN private_template_version t ON t.id = ?2 AND t.template_id = v.template_id"
                  + " AND v.version <= t.version"
                  + " WHERE a.action_key = ANY (string_to_array(?1, ','))"
                  + " ORDER BY a.action_key, v.version DESC",
              keys,
              template.privateVersionId()));
    }
    return contents;
  }

  /**
   * The tenant's own actions that the private template {@code templateKey} declared first: a later
   * version of it may write them again, changed.
   */
  Map<String, ActionContent> ownedBy(ActiveTenant tenant, String templateKey) {
    binding.bind(em, tenant);
    return contents(
        "SELECT "
            + COLUMNS
            + " FROM action a JOIN LATERAL (SELECT v.template_id FROM private_version_action r"
            + " JOIN private_template_version v ON v.id = r.version_id WHERE r.action_id = a.id"
            + " ORDER BY v.published_at, v.id LIMIT 1) first ON true"
            + " JOIN private_template t ON t.id = first.template_id"
            + " WHERE a.origin = 'TENANT' AND t.template_key = ?1",
        List.of(templateKey),
        null);
  }

  /** An action whose content the catalogue took from a template version. */
  public record Revised(ActionContent before, ActionContent after) {}

  /**
   * Brings the catalogue's content of the actions the resolved template maps to the template's, and
   * records each changed field in the history of every instance of the action (under {@code who}).
   */
  public List<Revised> apply(
      ActiveTenant tenant, ResolvedTemplate template, String who, String whoName) {
    binding.bind(em, tenant);
    if (template.privateVersionId() != null && !newest(template.privateVersionId())) {
      // an assessment built from an older version takes nothing: the catalogue only moves forward
      return List.of();
    }
    List<String> keys =
        new CatalogKeys(template).mapped(em).stream().filter(key -> !key.isEmpty()).toList();
    Map<String, ActionContent> before = catalogue(tenant, keys);
    Map<String, ActionContent> after = target(tenant, template, keys);
    List<Revised> revised = new ArrayList<>();
    for (String key : keys) {
      ActionContent was = before.get(key);
      ActionContent now = after.get(key);
      if (was == null || now == null || now.changedFrom(was).isEmpty()) {
        continue;
      }
      em.createNativeQuery(
              "UPDATE action SET title = ?2, description = ?3, how_to = ?4, action_type = ?5, points = ?6,"
                  + " category = ?7, solution = ?8, test_rule = CAST(?9 AS jsonb) WHERE action_key = ?1")
          .setParameter(1, key)
          .setParameter(2, now.title())
          .setParameter(3, now.description())
          .setParameter(4, now.howTo())
          .setParameter(5, now.type().name())
          .setParameter(6, now.points())
          .setParameter(7, now.category())
          .setParameter(8, now.solution())
          .setParameter(9, now.test())
          .executeUpdate();
      for (String field : now.changedFrom(was)) {
        em.createNativeQuery(
                "INSERT INTO action_history (instance_id, action_key, group_id, field, old_value, new_value,"
                    + " changed_by, changed_by_name, changed_at)"
                    + " SELECT i.id, ?1, i.group_id, ?2, left(?3, 4000), left(?4, 4000), ?5, ?6, now()"
                    + " FROM action_instance i JOIN action a ON a.id = i.action_id WHERE a.action_key = ?1")
            .setParameter(1, key)
            .setParameter(2, "action." + field)
            .setParameter(3, was.value(field))
            .setParameter(4, now.value(field))
            .setParameter(5, who)
            .setParameter(6, whoName)
            .executeUpdate();
      }
      revised.add(new Revised(was, now));
    }
    return revised;
  }

  /** Whether the private version is its template's newest. */
  private boolean newest(long versionId) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM private_template_version v JOIN private_template_version n"
                            + " ON n.template_id = v.template_id AND n.version > v.version WHERE v.id = ?1")
                    .setParameter(1, versionId)
                    .getSingleResult())
            .longValue()
        == 0;
  }

  /** The keys of the actions a resolved template's versions map. */
  private record CatalogKeys(ResolvedTemplate template) {

    List<String> mapped(EntityManager em) {
      List<String> keys = new ArrayList<>();
      if (template.globalVersionId() != null) {
        keys.addAll(
            strings(
                em,
                "SELECT DISTINCT la.action_key FROM platform.template_control c"
                    + " JOIN platform.template_control_action m ON m.control_id = c.id"
                    + " JOIN platform.library_action la ON la.id = m.action_id WHERE c.version_id = ?1",
                template.globalVersionId()));
      }
      if (template.privateVersionId() != null) {
        keys.addAll(
            strings(
                em,
                "SELECT DISTINCT a.action_key FROM private_control c"
                    + " JOIN private_control_action m ON m.control_id = c.id"
                    + " JOIN action a ON a.id = m.action_id WHERE c.version_id = ?1",
                template.privateVersionId()));
      }
      return keys.stream().distinct().toList();
    }

    private static List<String> strings(EntityManager em, String sql, long id) {
      return ((List<?>) em.createNativeQuery(sql).setParameter(1, id).getResultList())
          .stream().map(String.class::cast).toList();
    }
  }

  private Map<String, ActionContent> contents(String sql, Collection<String> keys, Long versionId) {
    Map<String, ActionContent> contents = new HashMap<>();
    if (keys.isEmpty()) {
      return contents;
    }
    var query =
        em.createNativeQuery(sql)
            .setParameter(
                1, String.join(",", keys.stream().filter(key -> !key.contains(",")).toList()));
    if (sql.contains("?2")) {
      query.setParameter(2, versionId);
    }
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      ActionContent content =
          new ActionContent(
              (String) columns[0],
              (String) columns[1],
              (String) columns[2],
              (String) columns[3],
              ActionType.valueOf((String) columns[4]),
              ((Number) columns[5]).intValue(),
              (String) columns[6],
              (String) columns[7],
              ManagedBy.valueOf((String) columns[8]),
              (String) columns[9],
              (String) columns[10]);
      contents.put(content.key(), content);
    }
    return contents;
  }
}
