package io.regulus.notification;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.settings.Settings;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The outbox of outgoing mail ({@code platform.mail_outbox}, docs/notifications.md). A mail is
 * queued in the transaction that decides to send it; the sender takes one due mail at a time with
 * {@code FOR UPDATE SKIP LOCKED} (so two servers never take the same one), sends it through the
 * server's mail session ({@code mail/regulus}) and records the attempt in that same transaction:
 * sent, or its error and its next attempt after a capped exponential {@link Backoff}, or, after the
 * last attempt, failed for good with its error for an operator.
 *
 * <p>What "never twice" means: within Regulus each mail is sent by one sender at a time and marked
 * sent in the transaction of the send. Only a crash between the SMTP server's acceptance and that
 * commit sends it again; the second copy has the same Message-ID, by which a receiver drops it.
 */
@Stateless
@Guarded
public class MailOutbox {

  private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
  private static final int ERROR_LENGTH = 2000;

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Resource(lookup = "mail/regulus")
  private Session session;

  @Inject private Settings settings;

  /** Queues a mail, to be sent at once; its id. */
  @Internal(
      "the digest queues the mail of the notices it carries, in the transaction that marks them")
  public long queue(OutgoingMail mail) {
    String messageId = "<" + UUID.randomUUID() + "@" + domain() + ">";
    Number id =
        (Number)
            em.createNativeQuery(
                    "INSERT INTO platform.mail_outbox (recipient, subject, body_text, body_html,"
                        + " message_id, created_at, next_attempt_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, now(), now()) RETURNING id")
                .setParameter(1, mail.recipient())
                .setParameter(2, mail.subject())
                .setParameter(3, mail.text())
                .setParameter(4, mail.html())
                .setParameter(5, messageId)
                .getSingleResult();
    return id.longValue();
  }

  /**
   * Sends the mail due first, if one is due and no other sender holds it, and records the attempt;
   * false when nothing was due. One transaction per mail.
   */
  @Requires(Permission.SEND_QUEUED_MAIL)
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean sendNext(Caller caller) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> due =
        em.createNativeQuery(
                "SELECT id, recipient, subject, body_text, body_html, message_id, attempts"
                    + " FROM platform.mail_outbox WHERE next_attempt_at <= now()"
                    + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .setHint("eclipselink.result-type", "Map")
            .getResultList();
    if (due.isEmpty()) {
      return false;
    }
    Map<String, Object> row = due.get(0);
    long id = ((Number) row.get("id")).longValue();
    int attempts = ((Number) row.get("attempts")).intValue() + 1;
    try {
      send(row);
      em.createNativeQuery(
              "UPDATE platform.mail_outbox SET attempts = ?2, sent_at = now(),"
                  + " next_attempt_at = NULL WHERE id = ?1")
          .setParameter(1, id)
          .setParameter(2, attempts)
          .executeUpdate();
      LOG.info(() -> "mail " + id + " sent (attempt " + attempts + ")");
    } catch (AddressException e) {
      failed(id, attempts, e, Optional.empty());
    } catch (MessagingException e) {
      failed(id, attempts, e, Backoff.of(settings.mailRetry()).next(attempts, Instant.now()));
    }
    return true;
  }

  /**
   * The newest mail of the outbox, of one state ({@code WAITING}, {@code SENT}, {@code FAILED}) or
   * all (null or blank), at most {@code limit} (1 to 500).
   */
  @Requires(Permission.OPERATE_PLATFORM)
  public List<OutboxMail> list(Caller caller, String stateName, int limit) {
    OutboxState state = OutboxState.named(stateName);
    String where =
        state == null
            ? ""
            : switch (state) {
              case WAITING -> " WHERE next_attempt_at IS NOT NULL";
              case SENT -> " WHERE sent_at IS NOT NULL";
              case FAILED -> " WHERE sent_at IS NULL AND next_attempt_at IS NULL";
            };
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows =
        em.createNativeQuery(
                "SELECT id, recipient, subject, message_id, created_at, attempts, next_attempt_at,"
                    + " sent_at, last_error FROM platform.mail_outbox"
                    + where
                    + " ORDER BY created_at DESC, id DESC LIMIT ?1")
            .setParameter(1, Math.max(1, Math.min(500, limit)))
            .setHint("eclipselink.result-type", "Map")
            .getResultList();
    return rows.stream().map(MailOutbox::mail).toList();
  }

  private void send(Map<String, Object> row) throws MessagingException {
    String messageId = (String) row.get("message_id");
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            // the Message-ID fixed when it was queued: every attempt sends the same one
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom();
    message.setRecipient(
        MimeMessage.RecipientType.TO, new InternetAddress((String) row.get("recipient"), true));
    message.setSubject((String) row.get("subject"), "UTF-8");
    message.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText((String) row.get("body_text"), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText((String) row.get("body_html"), "UTF-8", "html");
    MimeMultipart alternative = new MimeMultipart("alternative", text, html);
    message.setContent(alternative);
    Transport.send(message);
  }

  private void failed(long id, int attempts, MessagingException e, Optional<Instant> next) {
    String error = describe(e);
    em.createNativeQuery(
            "UPDATE platform.mail_outbox SET attempts = ?2, last_error = ?3,"
                + " next_attempt_at = CAST(?4 AS timestamptz) WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, attempts)
        .setParameter(3, error)
        .setParameter(4, next.map(Timestamp::from).orElse(null))
        .executeUpdate();
    if (next.isPresent()) {
      LOG.warning(
          () -> "mail " + id + " not sent (attempt " + attempts + "), next at " + next.get());
    } else {
      LOG.severe(
          () -> "mail " + id + " not sent after " + attempts + " attempts: left for an operator");
    }
  }

  /** The failure and its causes, in one line of at most 2,000 characters. */
  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (!text.isEmpty()) {
        text.append("; caused by ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage().replaceAll("\\s+", " ").trim());
      }
    }
    return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text.toString();
  }

  /** The Message-IDs' domain: the host browsers reach Regulus on. */
  private String domain() {
    String host = URI.create(settings.publicUrl()).getHost();
    return host == null || host.isBlank() ? "regulus" : host;
  }

  private static OutboxMail mail(Map<String, Object> row) {
    Instant next = instant(row.get("next_attempt_at"));
    Instant sent = instant(row.get("sent_at"));
    return new OutboxMail(
        ((Number) row.get("id")).longValue(),
        (String) row.get("recipient"),
        (String) row.get("subject"),
        (String) row.get("message_id"),
        instant(row.get("created_at")),
        ((Number) row.get("attempts")).intValue(),
        next,
        sent,
        (String) row.get("last_error"),
        sent != null ? OutboxState.SENT : next != null ? OutboxState.WAITING : OutboxState.FAILED);
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }
}
