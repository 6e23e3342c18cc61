package io.regulus.api.notification;

import io.regulus.notification.NoticeKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of notice to mail ({@code true}) or not ({@code false}); a kind left out keeps its
 * choice.
 */
public record NotificationPreferencesRequest(
    Boolean assignment, Boolean dueSoon, Boolean overdue, Boolean evidenceExpiring, Boolean alert) {

  /** The kinds named, by the domain's names ({@code DUE_SOON}). */
  Map<String, Boolean> choices() {
    Map<NoticeKind, Boolean> named = new EnumMap<>(NoticeKind.class);
    put(named, NoticeKind.ASSIGNMENT, assignment);
    put(named, NoticeKind.DUE_SOON, dueSoon);
    put(named, NoticeKind.OVERDUE, overdue);
    put(named, NoticeKind.EVIDENCE_EXPIRING, evidenceExpiring);
    put(named, NoticeKind.ALERT, alert);
    Map<String, Boolean> choices = new LinkedHashMap<>();
    named.forEach((kind, on) -> choices.put(kind.name(), on));
    return choices;
  }

  private static void put(Map<NoticeKind, Boolean> named, NoticeKind kind, Boolean on) {
    if (on != null) {
      named.put(kind, on);
    }
  }
}
