package io.regulus.notification;

import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.ZoneOffset;

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

  /**
   * Keeps the notice unless its person was already told of its kind and link on the day it occurred
   * (UTC): a daily scan tells of each action once a day, however often it runs. True when posted.
   */
  @Internal("the daily scans post what they found, as the digest's system caller")
  public boolean postOncePerDay(Notice notice) {
    Timestamp dayStart =
        Timestamp.from(
            notice
                .occurredAt()
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant());
    return em.createNativeQuery(
                "INSERT INTO platform.notice (user_id, tenant_slug, kind, subject, link, occurred_at)"
                    + " SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM platform.notice"
                    + " WHERE tenant_slug = ?2 AND kind = ?3"
                    + " AND link = ?5 AND user_id = ?1"
                    + " AND occurred_at >= ?7 AND occurred_at < ?8)")
            .setParameter(1, notice.userId())
            .setParameter(2, notice.tenantSlug())
            .setParameter(3, notice.kind().name())
            .setParameter(4, notice.subject())
            .setParameter(5, notice.link())
            .setParameter(6, Timestamp.from(notice.occurredAt()))
            .setParameter(7, dayStart)
            .setParameter(
                8, Timestamp.from(dayStart.toInstant().plus(java.time.Duration.ofDays(1))))
            .executeUpdate()
        == 1;
  }
}
