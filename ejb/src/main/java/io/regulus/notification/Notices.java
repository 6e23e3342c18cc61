package io.regulus.notification;

import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;

/**
 * Notices waiting for their people's daily digest (platform table {@code notice}), posted in the
 * transaction of the change they tell of, so that a change rolled back tells no one.
 */
@Stateless
@Guarded
public class Notices {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  /** Keeps the notice for its person's next digest. */
  @Internal("the domain services post what they changed, after deciding their caller may change it")
  public void post(Notice notice) {
    em.createNativeQuery(
            "INSERT INTO platform.notice (user_id, tenant_slug, kind, subject, link, occurred_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, notice.userId())
        .setParameter(2, notice.tenantSlug())
        .setParameter(3, notice.kind().name())
        .setParameter(4, notice.subject())
        .setParameter(5, notice.link())
        .setParameter(6, Timestamp.from(notice.occurredAt()))
        .executeUpdate();
  }
}
