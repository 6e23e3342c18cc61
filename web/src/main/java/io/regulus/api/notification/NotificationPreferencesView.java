package io.regulus.api.notification;

import io.regulus.notification.NoticeKind;
import java.util.Map;

/** A person's notification preferences: each kind of notice, mailed in the digest or not. */
public record NotificationPreferencesView(
    boolean assignment, boolean dueSoon, boolean overdue, boolean evidenceExpiring, boolean alert) {

  static NotificationPreferencesView of(Map<NoticeKind, Boolean> choices) {
    return new NotificationPreferencesView(
        choices.get(NoticeKind.ASSIGNMENT),
        choices.get(NoticeKind.DUE_SOON),
        choices.get(NoticeKind.OVERDUE),
        choices.get(NoticeKind.EVIDENCE_EXPIRING),
        choices.get(NoticeKind.ALERT));
  }
}
