package io.regulus.audit;

import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/**
 * The platform audit log of tenant life-cycle and user-administration events. A record joins the
 * caller's transaction when there is one, so it is written with the change it describes or not at
 * all.
 */
@Stateless
public class AuditLog {

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  public void record(
      Actor actor, AuditAction action, String tenantSlug, String firmSlug, String detail) {
    em.persist(new AuditEvent(actor, action, tenantSlug, firmSlug, detail, Instant.now()));
  }

  /** One page of the events, the newest first, of one tenant when {@code tenantSlug} is given. */
  public Page<AuditEvent> recent(String tenantSlug, PageRequest page) {
    String where = tenantSlug == null ? "" : " WHERE e.tenantSlug = :tenant";
    TypedQuery<AuditEvent> query =
        em.createQuery(
            "SELECT e FROM AuditEvent e" + where + " ORDER BY e.occurredAt DESC, e.id DESC",
            AuditEvent.class);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
    if (tenantSlug != null) {
      query.setParameter("tenant", tenantSlug);
      count.setParameter("tenant", tenantSlug);
    }
    List<AuditEvent> items =
        query.setFirstResult((int) page.offset()).setMaxResults(page.size()).getResultList();
    return new Page<>(items, page, count.getSingleResult());
  }
}
