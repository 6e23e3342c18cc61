package io.regulus.action;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.notification.Notice;
import io.regulus.notification.NoticeKind;
import io.regulus.notification.NoticeScan;
import io.regulus.notification.Notices;
import io.regulus.settings.Settings;
import io.regulus.tenancy.TenantBinding;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The daily scan of a tenant's actions for their assignees' digests: an action due within
 * REGULUS_DUE_SOON_DAYS is {@link NoticeKind#DUE_SOON}, one past its due date {@link
 * NoticeKind#OVERDUE} (as the dashboard counts it: neither passed nor out of scope), and one whose
 * evidence stops being valid within REGULUS_EVIDENCE_EXPIRING_DAYS {@link
 * NoticeKind#EVIDENCE_EXPIRING}. Each is posted once per action and day, however often it runs.
 */
@Stateless
@LocalBean
@Local(NoticeScan.class)
@Guarded
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DueNotices implements NoticeScan {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TenantBinding binding;
  @Inject private Settings settings;
  @EJB private Notices notices;

  @Override
  @Requires(Permission.READ_TENANT)
  public int scan(TenantCaller tenant, Instant now) {
    binding.bind(em, tenant.tenant());
    String slug = tenant.slug().value();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    int posted = 0;
    for (Map<String, Object> row :
        rows(
            "SELECT i.id, a.action_key, a.title, g.name AS group_name, i.assignee_id, i.due_date"
                + " FROM action_instance i JOIN action a ON a.id = i.action_id"
                + " JOIN action_instance_effective e ON e.id = i.id"
                + " LEFT JOIN assessment_group g ON g.id = i.group_id"
                + " WHERE i.assignee_id IS NOT NULL AND i.due_date <= ?1"
                + " AND e.test_status NOT IN ('PASSED', 'OUT_OF_SCOPE')"
                + " AND e.implementation_status <> 'OUT_OF_SCOPE' ORDER BY i.id",
            Date.valueOf(today.plusDays(settings.dueSoonDays())))) {
      LocalDate due = ((Date) row.get("due_date")).toLocalDate();
      boolean overdue = due.isBefore(today);
      posted +=
          post(
              slug,
              row,
              overdue ? NoticeKind.OVERDUE : NoticeKind.DUE_SOON,
              (overdue ? "overdue since " : "due on ") + due,
              now);
    }
    for (Map<String, Object> row :
        rows(
            "SELECT i.id, a.action_key, a.title, g.name AS group_name, i.assignee_id,"
                + " min(ev.valid_until) AS valid_until"
                + " FROM evidence ev JOIN action_instance i ON i.id = ev.instance_id"
                + " JOIN action a ON a.id = i.action_id"
                + " LEFT JOIN assessment_group g ON g.id = i.group_id"
                + " WHERE i.assignee_id IS NOT NULL AND ev.valid_until >= ?2"
                + " AND ev.valid_until <= ?1"
                + " GROUP BY i.id, a.action_key, a.title, g.name, i.assignee_id ORDER BY i.id",
            Date.valueOf(today.plusDays(settings.evidenceExpiringDays())),
            Date.valueOf(today))) {
      LocalDate until = ((Date) row.get("valid_until")).toLocalDate();
      posted += post(slug, row, NoticeKind.EVIDENCE_EXPIRING, "evidence valid until " + until, now);
    }
    return posted;
  }

  private int post(
      String tenant, Map<String, Object> row, NoticeKind kind, String what, Instant now) {
    long id = ((Number) row.get("id")).longValue();
    Notice notice =
        new Notice(
            (String) row.get("assignee_id"),
            tenant,
            kind,
            ActionLinks.name(
                    (String) row.get("action_key"),
                    (String) row.get("title"),
                    (String) row.get("group_name"))
                + ": "
                + what,
            ActionLinks.page(tenant, id),
            now);
    return notices.postOncePerDay(notice) ? 1 : 0;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql).setHint("eclipselink.result-type", "Map");
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }
}
