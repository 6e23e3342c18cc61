package io.regulus.audit;

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

  public static final int MAX_PAGE = 500;

  @PersistenceContext(unitName = "platform")
  private EntityManager em;

  public void record(
      Actor actor, AuditAction action, String tenantSlug, String firmSlug, String detail) {
    em.persist(new AuditEvent(actor, action, tenantSlug, firmSlug, detail, Instant.now()));
  }

  /**
   * The newest events first, of one tenant when {@code tenantSlug} is given; at most {@link
   * #MAX_PAGE}.
   */
  public List<AuditEvent> recent(String tenantSlug, int limit) {
    TypedQuery<AuditEvent> query =
        tenantSlug == null
            ? em.createQuery(
                "SELECT e FROM AuditEvent e ORDER BY e.occurredAt DESC, e.id DESC",
                AuditEvent.class)
            : em.createQuery(
                    "SELECT e FROM AuditEvent e WHERE e.tenantSlug = :tenant ORDER BY e.occurredAt DESC, e.id DESC",
                    AuditEvent.class)
                .setParameter("tenant", tenantSlug);
    return query.setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE))).getResultList();
  }
}
