package io.regulus.alert;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.paging.Page;
import io.regulus.paging.PageRequest;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.text.ReadableText;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * A tenant's alerts: every member reads them, newest first, by status and severity; admins and
 * assessors work them (investigate, resolve, dismiss, reopen) along {@link AlertStatus}'s
 * transitions, each change kept with who, when and the comment.
 */
@Stateless
@Guarded
public class AlertService {

  private static final Logger LOG = Logger.getLogger(AlertService.class.getName());

  /** The longest comment on a status change. */
  public static final int COMMENT_MAX = 2000;

  @Inject private AlertRepository alerts;

  /** An alert and its status changes, oldest first. */
  public record Detail(Alert alert, List<AlertStatusChange> history)
      implements java.io.Serializable {}

  @Requires(Permission.READ_TENANT)
  public Page<Alert> list(
      TenantCaller caller, AlertStatus status, Severity severity, PageRequest page) {
    return alerts.page(caller.tenant(), status, severity, page);
  }

  @Requires(Permission.READ_TENANT)
  public Detail get(TenantCaller caller, long id) {
    Alert alert =
        alerts
            .find(caller.tenant(), id)
            .orElseThrow(() -> new AlertNotFoundException("alert", id, null));
    return new Detail(alert, alerts.history(caller.tenant(), id));
  }

  /**
   * Moves the alert to {@code status} with an optional comment (at most {@link #COMMENT_MAX}
   * readable characters); 409 naming the statuses it may move to when it may not.
   */
  @Requires(Permission.WORK_ALERTS)
  public Detail changeStatus(TenantCaller caller, long id, AlertStatus status, String comment) {
    if (status == null) {
      throw new InvalidInputException(
          new Violation("status", "one of ACTIVE, INVESTIGATING, RESOLVED, DISMISSED"));
    }
    String said = ReadableText.paragraphs("comment", comment);
    if (said != null && said.length() > COMMENT_MAX) {
      throw new InvalidInputException(
          new Violation("comment", "at most " + COMMENT_MAX + " characters"));
    }
    Alert alert =
        alerts
            .lock(caller.tenant(), id)
            .orElseThrow(() -> new AlertNotFoundException("alert", id, null));
    if (!alert.status().mayMoveTo(status)) {
      throw new AlertTransitionException(id, alert.status(), status);
    }
    alerts.changeStatus(
        caller.tenant(), alert, status, said, caller.id(), caller.name(), Instant.now());
    LOG.info(
        () ->
            "alert "
                + id
                + " moved to "
                + status
                + " in tenant "
                + caller.slug()
                + " by "
                + caller.id());
    return get(caller, id);
  }
}
