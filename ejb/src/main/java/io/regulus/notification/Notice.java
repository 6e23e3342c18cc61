package io.regulus.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a person is told of in the daily digest (docs/notifications.md): of one {@link
 * NoticeKind}, in a tenant (or none for a firm's), one line of subject and a link to the page that
 * shows it.
 */
public record Notice(
    String userId,
    String tenantSlug,
    NoticeKind kind,
    String subject,
    String link,
    Instant occurredAt) {

  public Notice {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
