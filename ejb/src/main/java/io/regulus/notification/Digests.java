package io.regulus.notification;

import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.directory.KeycloakDirectory;
import io.regulus.history.ScheduledRuns;
import io.regulus.settings.Settings;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The digest's steps, each in a transaction of its own: one person's waiting notices become one
 * mail in the outbox, and the notices are marked digested in the same transaction; the schedule's
 * claim of a day.
 */
@Stateless
@Guarded
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Digests {

  private static final Logger LOG = Logger.getLogger(Digests.class.getName());
  private static final String JOB = "notice-digest";

  /** What one person's digest did. */
  public record Outcome(boolean queued, int carried, int dropped) {}

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @EJB private MailOutbox outbox;
  @EJB private NotificationPreferences preferences;
  @Inject private KeycloakDirectory directory;
  @Inject private ScheduledRuns runs;
  @Inject private Settings settings;

  /** The people with notices that occurred up to {@code upTo} and wait for a digest. */
  @Internal("the digest run lists whom it writes to")
  public List<String> waiting(Instant upTo) {
    return ((List<?>)
            em.createNativeQuery(
                    "SELECT DISTINCT user_id FROM platform.notice WHERE digested_at IS NULL"
                        + " AND occurred_at <= ?1 ORDER BY user_id")
                .setParameter(1, Timestamp.from(upTo))
                .getResultList())
        .stream().map(String.class::cast).toList();
  }

  /**
   * Turns the person's waiting notices (up to {@code upTo}) into one mail to their address in the
   * directory, without the kinds they turned off, and marks every one of them digested. Notices
   * another run holds are left to it ({@code SKIP LOCKED}); a directory that does not answer rolls
   * this back, so the notices wait for the next run.
   */
  @Internal("the digest run, after its caller was allowed to run it")
  public Outcome digest(String userId, Instant upTo, LocalDate day) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows =
        em.createNativeQuery(
                "SELECT id, tenant_slug, kind, subject, link FROM platform.notice"
                    + " WHERE user_id = ?1 AND digested_at IS NULL AND occurred_at <= ?2"
                    + " ORDER BY occurred_at, id FOR UPDATE SKIP LOCKED")
            .setParameter(1, userId)
            .setParameter(2, Timestamp.from(upTo))
            .setHint("eclipselink.result-type", "Map")
            .getResultList();
    if (rows.isEmpty()) {
      return new Outcome(false, 0, 0);
    }
    List<Digest.WaitingNotice> notices =
        rows.stream()
            .map(
                row ->
                    new Digest.WaitingNotice(
                        ((Number) row.get("id")).longValue(),
                        (String) row.get("tenant_slug"),
                        NoticeKind.valueOf((String) row.get("kind")),
                        (String) row.get("subject"),
                        (String) row.get("link")))
            .toList();
    Digest digest = Digest.of(day, notices, preferences.off(userId), settings.publicUrl());
    Optional<String> address =
        directory
            .user(userId)
            .map(UserRepresentation::getEmail)
            .filter(email -> email != null && !email.isBlank());
    Long mailId = null;
    if (!digest.empty() && address.isPresent()) {
      mailId =
          outbox.queue(
              new OutgoingMail(address.get(), digest.subject(), digest.text(), digest.html()));
    } else if (!digest.empty()) {
      LOG.warning(() -> "user " + userId + " has no e-mail address: their notices are dropped");
    }
    List<Long> carried =
        mailId == null ? List.of() : digest.lines().stream().map(Digest.WaitingNotice::id).toList();
    for (Digest.WaitingNotice notice : notices) {
      em.createNativeQuery(
              "UPDATE platform.notice SET digested_at = now(), digest_mail_id = CAST(?2 AS bigint)"
                  + " WHERE id = ?1")
          .setParameter(1, notice.id())
          .setParameter(2, carried.contains(notice.id()) ? mailId : null)
          .executeUpdate();
    }
    return new Outcome(mailId != null, carried.size(), notices.size() - carried.size());
  }

  /** Claims {@code day}'s scheduled digest for this node; false when a node claimed it already. */
  @Internal("the schedule's run of the day, after its caller was allowed to run it")
  public boolean claim(LocalDate day) {
    return runs.claim(JOB, day, settings.node());
  }
}
