package io.regulus.ui.alert;

import io.regulus.alert.Alert;
import io.regulus.alert.AlertService;
import io.regulus.alert.AlertStatus;
import io.regulus.alert.Severity;
import io.regulus.ui.PageTexts;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Date;
import java.util.List;

/**
 * A tenant's alerts, newest first, filtered by status and severity; whoever the domain lets work
 * alerts opens one, reads its status changes and moves it to one of the statuses its status leads
 * to, with a comment. A refusal (a move the alert's status does not allow) shows in the domain's
 * words.
 */
@Named
@ViewScoped
public class AlertsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.alert.messages");

  @EJB private AlertService alerts;
  @Inject private Workspace workspace;

  private String tenant;
  private String status;
  private String severity;

  private Long workedId;
  private AlertService.Detail worked;
  private String nextStatus;
  private String comment;

  private final PagedList<Alert> alertList =
      PagedList.paged(
          request ->
              alerts.list(
                  workspace.enter(tenant),
                  AlertStatus.parse(status, "status"),
                  Severity.parse(severity, "severity"),
                  request));

  /** Reads the first page now: a caller who may not read the tenant gets the access-denied page. */
  public void load() {
    alertList.readNow();
  }

  /** Shows the alerts of the chosen status and severity. */
  public void filter() {
    alertList.changed();
  }

  /** Opens an alert to work it. */
  public void work(long id) {
    worked = alerts.get(workspace.enter(tenant), id);
    workedId = id;
    nextStatus = null;
    comment = null;
  }

  /** The alert being worked and its status changes, as the domain had them when opened. */
  public AlertService.Detail getWorked() {
    return worked;
  }

  /** The statuses the worked alert may move to. */
  public List<AlertStatus> getNextStatuses() {
    AlertService.Detail worked = getWorked();
    return worked == null ? List.of() : worked.alert().status().next().stream().sorted().toList();
  }

  public void save() {
    AlertService.Detail moved =
        alerts.changeStatus(
            workspace.enter(tenant),
            workedId,
            AlertStatus.parse(nextStatus, "status"),
            comment == null || comment.isBlank() ? null : comment.strip());
    TEXT.done("work.saved", moved.alert().id(), TEXT.text("status." + moved.alert().status()));
    alertList.changed();
    close();
  }

  public void close() {
    workedId = null;
    worked = null;
    nextStatus = null;
    comment = null;
  }

  public List<AlertStatus> getStatuses() {
    return List.of(AlertStatus.values());
  }

  public List<Severity> getSeverities() {
    return List.of(Severity.values());
  }

  /** For the table: an instant as a date. */
  public Date date(java.time.Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  public PagedList<Alert> getAlertList() {
    return alertList;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public Long getWorkedId() {
    return workedId;
  }

  public String getNextStatus() {
    return nextStatus;
  }

  public void setNextStatus(String nextStatus) {
    this.nextStatus = nextStatus;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
