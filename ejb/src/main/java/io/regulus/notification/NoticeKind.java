package io.regulus.notification;

/** The kinds of notice; each person can turn each off (docs/notifications.md). */
public enum NoticeKind {
  ASSIGNMENT,
  DUE_SOON,
  OVERDUE,
  EVIDENCE_EXPIRING,
  ALERT
}
