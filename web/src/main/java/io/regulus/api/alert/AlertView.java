package io.regulus.api.alert;

import io.regulus.alert.Alert;
import io.regulus.alert.AlertService;
import io.regulus.alert.AlertStatusChange;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the API shows it; {@code history} (its status changes, oldest first) only when one
 * alert is read.
 */
public record AlertView(
    long id,
    Long policyId,
    String policyName,
    String kind,
    String severity,
    String summary,
    Long actionId,
    String actionKey,
    String scopeLabel,
    String oldValue,
    String newValue,
    Instant raisedAt,
    String raisedBy,
    String status,
    String statusChangedBy,
    String statusChangedByName,
    Instant statusChangedAt,
    String statusComment,
    List<Change> history) {

  /** One status change. */
  public record Change(
      String from,
      String to,
      String comment,
      String changedBy,
      String changedByName,
      Instant changedAt) {

    static Change of(AlertStatusChange c) {
      return new Change(
          c.from().name(),
          c.to().name(),
          c.comment(),
          c.changedBy(),
          c.changedByName(),
          c.changedAt());
    }
  }

  static AlertView of(Alert a) {
    return of(a, null);
  }

  static AlertView of(AlertService.Detail detail) {
    return of(detail.alert(), detail.history().stream().map(Change::of).toList());
  }

  private static AlertView of(Alert a, List<Change> history) {
    return new AlertView(
        a.id(),
        a.policyId(),
        a.policyName(),
        a.kind().name(),
        a.severity().name(),
        a.summary(),
        a.instanceId(),
        a.actionKey(),
        a.scopeLabel(),
        a.oldValue(),
        a.newValue(),
        a.raisedAt(),
        a.raisedBy(),
        a.status().name(),
        a.statusChangedBy(),
        a.statusChangedByName(),
        a.statusChangedAt(),
        a.statusComment(),
        history);
  }
}
